// Fails when the source of any package has an import circle (issue 10: "no import circles").
// Type-only imports count too: a circle of types is the same knot, only invisible at run time.
// dpdm parses each package's `src/` with the TypeScript compiler and lists every cycle; the
// config's `allowCycles` names packages that are temporarily excused (and must stay cyclic to stay
// listed, so a cleaned package drops off the list).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";

const root = new URL("..", import.meta.url).pathname;
const config = JSON.parse(readFileSync(join(root, "scripts", "import-cycles.config.json"), "utf8"));
const allowed = new Set(config.allowCycles);
const packages = readdirSync(join(root, "packages")).sort();
let failures = 0;

for (const name of allowed)
  if (!packages.includes(name)) {
    console.error(`import-cycles.config.json: allowCycles names ${name}, which is not a package`);
    failures++;
  }

for (const name of packages) {
  const tree = await parseDependencyTree(`packages/${name}/src/**/*.ts`, {
    context: root,
    cwd: root,
    exclude: /node_modules|\/dist\//,
    transform: false,
    skipDynamicImports: false,
    onProgress: () => {},
  });
  const cycles = parseCircular(tree);
  if (cycles.length === 0) {
    if (allowed.has(name)) {
      console.error(
        `${name}: no import circles left: remove it from allowCycles in scripts/import-cycles.config.json`,
      );
      failures++;
    } else console.log(`${name}: no import circles`);
    continue;
  }
  if (allowed.has(name)) {
    console.log(
      `${name}: ${cycles.length} import circles, allowed for now (scripts/import-cycles.config.json)`,
    );
    continue;
  }
  console.error(`${name}: ${cycles.length} import circles:`);
  for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(" -> ")}`);
  failures++;
}
process.exit(failures > 0 ? 1 : 0);
