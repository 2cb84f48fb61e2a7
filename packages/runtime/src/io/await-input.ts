// ## Waiting for console input
//
// A read that needs more text than is buffered parks its green thread and, once text or the end
// of input arrives, runs `retry` in its place: the whole read starts over on the larger buffer,
// so no half-done state has to be kept while waiting. Node itself never blocks.

import { suspend } from "../machine/control.js";
import type { TextInput } from "./text-input.js";

export function awaitInput(input: TextInput, retry: () => unknown): unknown {
  return suspend((thread) => input.whenMore(() => thread.wakeWith(retry)));
}
