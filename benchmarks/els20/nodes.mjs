// ## The two nodes of one RPC: their Scheme, and the processes that run it
//
// B (the destination) is a `termite run` process: it starts a node on a loopback port, publishes
// a service, prints `ready`, answers one request and ends. The request carries the closure
// encoded with `object->u8vector`, so that B can time decoding it (which is where a missing
// hosted module is cloned, compiled and loaded) together with calling it. A (the source) is
// another `termite run` process: it reaches B (a ping, so the connection is up), starts its
// clock, encodes `(lambda () (run))`, sends it with `!?`, and stops the clock when the answer is
// back, then tells B it may end. A prints one line of data the harness reads.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { importSet, programBody } from "./programs.mjs";

export const TERMITE_CLI = new URL("../../packages/termite/dist/cli.js", import.meta.url).pathname;

const CLOCK = `(define (elapsed-ms since)
  (/ (* 1000. (- (current-jiffy) since)) (jiffies-per-second)))
`;

/**
 * B's script: serve one `(run BYTES)` request, answering `(value decode-ms call-ms)`: decoding
 * (where a missing module is installed and a present one loaded) and the call, timed apart as
 * the paper's "on destination" is the call alone.
 */
export const DESTINATION_SCRIPT = `(import (termite) (scheme time))
${CLOCK}
(node-init (cadr (command-line)))
(define server
  (spawn
   (lambda ()
     (recv
      ((from tag ('run bytes))
       (let* ((start (current-jiffy))
              (thunk (u8vector->object bytes))
              (decoded (elapsed-ms start))
              (called (current-jiffy))
              (value (thunk)))
         (! from (list tag (list value decoded (elapsed-ms called))))
         ;; Stay until A has the answer: a node that ends at once may drop what it just sent.
         (recv ('bye #t) (after 60 #f))))))))
(publish-service 'els20 server)
(println "ready")
(thread-join! server)
`;

/**
 * A's script for one scenario: the program as a script (INTERPRETED) or an import of its hosted
 * module (the other two), then the timed RPC. Prints `(els20 VALUE TOTAL-MS DECODE-MS CALL-MS)`.
 */
export function sourceScript(name, scenario) {
  const program = scenario === "INTERPRETED" ? programBody(name) : "";
  const imports =
    scenario === "INTERPRETED"
      ? "(import (termite) (scheme time))"
      : `(import (termite) (scheme time) ${importSet(name)})`;
  return `${imports}
${program}
${CLOCK}
(node-init)
(define destination (cadr (command-line)))
(define server (remote-service 'els20 destination))
(ping destination)
(define start (current-jiffy))
(define answer (!? server (list 'run (object->u8vector (lambda () (run)))) 1800))
(define total (elapsed-ms start))
(! server 'bye)
(write (list 'els20 (car answer) total (cadr answer) (caddr answer)))
(newline)
`;
}

/** Writes the scripts into `dir`; returns their paths. */
export function writeScripts(dir, name, scenario) {
  const destination = join(dir, "destination.scm");
  const source = join(dir, `source-${name}-${scenario}.scm`);
  writeFileSync(destination, DESTINATION_SCRIPT);
  writeFileSync(source, sourceScript(name, scenario));
  return { destination, source };
}

/** Runs `termite run ARGS…`; resolves with its stdout, rejects with its stderr on failure. */
export function termite(args, env, { onLine } = {}) {
  const child = spawn(process.execPath, [TERMITE_CLI, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stdout.on("data", (chunk) => {
    const lines = (stdout + chunk).split("\n");
    const seen = stdout.split("\n").length - 1;
    stdout += chunk;
    for (const line of lines.slice(seen, -1)) onLine?.(line);
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const done = new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`termite ${args.join(" ")} ended with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  return { child, done };
}

/** Starts B on `port` and resolves once it has printed `ready` (its node listens). */
export function startDestination(script, port, env) {
  let markReady;
  const ready = new Promise((resolve) => {
    markReady = resolve;
  });
  const node = termite(["run", script, `:${port}`], env, {
    onLine: (line) => line.trim() === "ready" && markReady(),
  });
  return {
    node,
    ready: Promise.race([
      ready,
      node.done.then(() => Promise.reject(new Error("destination ended before ready"))),
    ]),
  };
}
