// The environment a person's shell has: without the npm_*/pnpm_* variables that `npm test` and
// pnpm's script runner add (npx would warn about them, and they change how npm and pnpm behave).

export function userEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(npm_|pnpm_)/i.test(key) && key !== "INIT_CWD") env[key] = value;
  return { ...env, ...extra };
}
