// Closures and continuations on the wire (@termite/termite's wire): encode + decode of a closure
// and of a continuation 1000 frames deep, each beside the plain data of the same size (what the
// serializer costs without the runtime's objects), measured in this process. Both back ends.
import { memoryIoContext } from "@termite/runtime";
import { createSystem, wireOf } from "@termite/termite";
import { median } from "./stats.mjs";

/** Median milliseconds per call of `fn`, over `runs` runs of `reps` calls each. */
function time(fn, reps, runs = 9) {
  for (let i = 0; i < reps; i++) fn();
  const out = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    out.push((performance.now() - t) / reps);
  }
  return median(out);
}

async function node(backend) {
  const system = await createSystem({ io: memoryIoContext({}), backend });
  const wire = wireOf(system);
  await system.runScript("(import (scheme base))");
  const value = async (text) => (await system.runScript(text, "bench.scm")).value;
  return { system, wire, value };
}

function report(label, value, plainValue, from, to, reps) {
  const bytes = from.wire.encode(value);
  const plainBytes = from.wire.encode(plainValue);
  const ours = time(() => to.wire.decodeSync(from.wire.encode(value)), reps);
  const ref = time(() => to.wire.decodeSync(from.wire.encode(plainValue)), reps);
  console.log(
    `${label.padEnd(44)} ${ours.toFixed(3).padStart(8)} ms ${String(bytes.length).padStart(7)} B   plain data ${ref
      .toFixed(3)
      .padStart(8)} ms ${String(plainBytes.length).padStart(7)} B   ratio ${(ours / ref).toFixed(2)}`,
  );
}

for (const backend of ["compile", "interpret"]) {
  const a = await node(backend);
  const b = await node(backend);
  const closure = await a.value(
    "(let ((n 0) (v (make-vector 100 1.5))) (lambda () (set! n (+ n 1)) (vector-ref v n)))",
  );
  report(`${backend}: closure over a 100-vector`, closure, [0, new Array(100).fill(1.5)], a, b, 200);
  await a.value(
    "(define kd #f) (define (deep n) (if (= n 0) (call/cc (lambda (c) (set! kd c) 0)) (+ 1 (deep (- n 1)))))",
  );
  await a.value("(deep 1000)");
  const k = await a.value("kd");
  // The plain counterpart: one 3-element vector per frame (code, control point, values).
  const frames = Array.from({ length: 1000 }, (_, i) => [i, 1, [i, i]]);
  report(`${backend}: continuation 1000 frames deep`, k, frames, a, b, 10);
}
