// tak 18 12 6, 20 times, in plain JavaScript: the floor for tak.scm.
const tak = (x, y, z) => (!(y < x) ? z : tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)));
export function main() {
  let r = 0;
  for (let i = 0; i < 20; i++) r = tak(18, 12, 6);
  return r;
}
