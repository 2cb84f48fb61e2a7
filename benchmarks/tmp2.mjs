import { memoryIoContext } from "../packages/runtime/dist/index.js";
import { installTermiteLibrary, TermiteSystem } from "../packages/termite/dist-bench-tmp/index.js";

const io = memoryIoContext({});
const system = await new TermiteSystem({ io }).boot();
installTermiteLibrary(system);
for (const text of [
  `(import (termite))
(define (make-ring n)
  (define (relay next) (lambda () (let loop () (! next (+ (?) 1)) (loop))))
  (let loop ((i 1) (next (self)))
    (if (= i n) next (loop (+ i 1) (spawn (relay next))))))
(define (round-trips first rounds)
  (let loop ((r 0) (m 0))
    (if (= r rounds) m (begin (! first m) (loop (+ r 1) (+ (?) 1))))))`,
  "(define ring (make-ring 10))",
  "(round-trips ring 2)",
]) {
  const r = await system.runScript(text, "x.scm");
  console.log(r.normal, r.value ?? r.condition);
}
console.log(io.stderrText);
