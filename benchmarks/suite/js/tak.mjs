// tak 18 12 6 in plain JavaScript: the floor for tak.scm.
const tak = (x, y, z) => (!(y < x) ? z : tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)));
export const main = () => tak(18, 12, 6);
