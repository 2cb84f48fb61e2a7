// ## Making schedulers
//
// A scheduler is made with the control operators its run loop hands raises and exits to; this
// file, above both thread.ts and control.ts, puts them together, so neither imports the other's
// hooks and nothing is patched when a module loads.

import { enterContinuation, raise, raiseContinuable } from "./control.js";
import { EMPTY_DYNAMIC_ENVIRONMENT } from "./dynamic.js";
import { Scheduler, type SchedulerOptions, type ThreadControl } from "./thread.js";

/** The machine's control operators, as the run loop sees them. */
export const machineControl: ThreadControl = {
  raise: (payload, continuable) => (continuable ? raiseContinuable(payload) : raise(payload)),
  // `exit`: leave every winder (running the afters), then run `last` with nothing left to return to.
  windOutThenExit: (thread, last) =>
    enterContinuation(
      thread,
      { kind: "continuation", frames: null, dynamic: EMPTY_DYNAMIC_ENVIRONMENT },
      last,
    ),
};

/** A scheduler of its own (a system, a node): its own run queue, frame limit and exit hook. */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  return new Scheduler(machineControl, options);
}

/**
 * The scheduler of code that uses the runtime alone and makes no scheduler of its own; a
 * `TermiteSystem` makes its own, so two systems in one process share none of this one's state.
 */
export const defaultScheduler: Scheduler = createScheduler();
