// The sieve of sieve.scm in plain JavaScript, over an ordinary array like a Scheme vector.
export function main() {
  const n = 200000;
  const v = new Array(n + 1).fill(true);
  let count = 0;
  for (let i = 2; i <= n; i++) {
    if (!v[i]) continue;
    for (let j = i * i; j <= n; j += i) v[j] = false;
    count++;
  }
  return count;
}
