// ## Threads whose starter reports how they ended
//
// A script's or REPL input's main thread, a library body: the system that started it reports its
// uncaught error, so the process node does not report it a second time when the thread became a
// process. Its own module because both the system and the process node read it.

import type { SchemeThread } from "@termite/runtime";

export const reportedByStarter = new WeakSet<SchemeThread>();
