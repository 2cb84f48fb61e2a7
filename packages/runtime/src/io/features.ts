// ## `(features)`
//
// The feature identifiers this implementation claims, for `(features)` and for `cond-expand` (the
// expander should use the same list). R7RS appendix B names the standard ones.

import { intern, list } from "@termite/datum";
import { hostPlatform } from "#host";
import { prim } from "../primitive.js";

const OS_FEATURES: Readonly<Record<string, readonly string[]>> = {
  linux: ["linux", "gnu-linux", "unix", "posix"],
  darwin: ["darwin", "unix", "posix"],
  freebsd: ["freebsd", "bsd", "unix", "posix"],
  openbsd: ["openbsd", "bsd", "unix", "posix"],
  netbsd: ["netbsd", "bsd", "unix", "posix"],
  sunos: ["solaris", "unix", "posix"],
  aix: ["aix", "unix", "posix"],
  win32: ["windows"],
};

const ARCH_FEATURES: Readonly<Record<string, string>> = {
  x64: "x86-64",
  ia32: "i386",
  arm: "arm",
  arm64: "aarch64",
  ppc64: "ppc",
  riscv64: "riscv",
};

/**
 * The feature identifiers on `platform`/`arch` (default: this process's). Complex numbers may have
 * exact parts, so `exact-complex` is one.
 */
export function termiteFeatures(
  platform: string = hostPlatform().platform,
  arch: string = hostPlatform().arch,
): string[] {
  const features = ["r7rs", "exact-closed", "exact-complex", "ratios", "full-unicode", "full-continuations"];
  features.push(...(OS_FEATURES[platform] ?? [platform]));
  const cpu = ARCH_FEATURES[arch];
  if (cpu !== undefined) features.push(cpu);
  features.push(littleEndian() ? "little-endian" : "big-endian");
  features.push("termite", "javascript", "node");
  return features;
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

export const featureBindings = {
  features: prim(0, 0, () => list(termiteFeatures().map(intern))),
};
