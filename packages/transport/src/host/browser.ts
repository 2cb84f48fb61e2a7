// ## The in-memory transport's host in a browser
//
// A page has no setImmediate; a message to oneself runs after pending events without
// setTimeout's 4 ms clamp.

const tasks: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.addEventListener("message", () => tasks.shift()?.());
channel.port1.start();

/** Runs `task` after pending events, as a carrier's next read would. */
export function runSoon(task: () => void): void {
  tasks.push(task);
  channel.port2.postMessage(null);
}
