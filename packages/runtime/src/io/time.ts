// ## (scheme time)
//
// `current-second` is POSIX time (UTC seconds since 1970), not TAI as R7RS suggests: the host
// clock offers no leap-second table. Jiffies are microseconds from a monotonic clock whose epoch is
// the start of the process.

import { flonum } from "@termite/datum";
import { prim } from "../primitive.js";

export const JIFFIES_PER_SECOND = 1_000_000;

export function currentSecond(): unknown {
  return flonum(Date.now() / 1000);
}

export function currentJiffy(): number {
  return Math.floor(performance.now() * 1000);
}

export const timeBindings = {
  "current-second": prim(0, 0, currentSecond),
  "current-jiffy": prim(0, 0, currentJiffy),
  "jiffies-per-second": prim(0, 0, () => JIFFIES_PER_SECOND),
};
