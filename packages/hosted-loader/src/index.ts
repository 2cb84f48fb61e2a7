// ## @termite/hosted-loader
//
// Hosted modules fetched from git: names to repository URLs (remapped by git's own
// `url.<base>.insteadOf`), versions to tags, atomic, locked, side-by-side installs with a manifest
// and a source hash, the whitelist for automatic installs. Compiling is plugged in through
// `onInstalled`. The public surface, in one place.

export { HostedLoaderError, type HostedLoaderErrorCode } from "./errors.js";
export { defaultUrl } from "./git.js";
export { termiteHome, whitelistFile } from "./home.js";
export {
  HostedLoader,
  type HostedLoaderOptions,
  hostedName,
  type InstalledModule,
  type InstallOptions,
  type ResolvedVersion,
  type UpdateResult,
  type VerifyResult,
} from "./loader.js";
export type { InstallManifest } from "./manifest.js";
export { MANIFEST_FILE, sourceHash } from "./source-hash.js";
export {
  compareTags,
  parseRemoteRefs,
  type RemoteRefs,
  type ResolvedRef,
  resolveRef,
  tagVersion,
} from "./versions.js";
export {
  formatWhitelistEntry,
  parseWhitelist,
  parseWhitelistEntry,
  readWhitelist,
  type WhitelistEntry,
  whitelistAllows,
} from "./whitelist.js";
