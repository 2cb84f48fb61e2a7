// Shared by the benchmarks: medians, because the machine is shared and noisy.

/** The median of a list of numbers (the upper one of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `fn` (sync or async) `runs` times and returns the median time in milliseconds. */
export async function medianTime(fn, runs = 5) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}
