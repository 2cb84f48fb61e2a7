// The counting loop of loop.scm in plain JavaScript.
export function main() {
  let sum = 0;
  for (let i = 0; i !== 5000000; i++) if (i % 3 === 0) sum += i;
  return sum;
}
