// fib 30 in plain JavaScript: the floor for fib.scm.
const fib = (n) => (n < 2 ? n : fib(n - 1) + fib(n - 2));
export const main = () => fib(30);
