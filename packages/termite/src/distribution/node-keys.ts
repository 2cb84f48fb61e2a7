// ## A node's CURVE keys, under `$TERMITE_HOME/node/`
//
//   public-key      this node's public key (Z85), to give to the peers that should accept it
//   secret-key      its secret key (Z85, mode 0600)
//   allowed-peers   the public keys allowed to connect to this node, one per line
//   peer-keys       `ADDRESS PUBLIC-KEY` per line: the key of each node this one connects to
//
// Lines starting with `#` are comments. `termite keys` writes the pair (and empty lists); when the
// secret key exists, `termite run` gives the ZeroMQ transport these as its CURVE options, so the
// node authenticates every connection and may listen beyond loopback.

import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { transportAddress } from "./node-address.js";

/** `$TERMITE_HOME`, or `~/.termite`. */
export function termiteHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERMITE_HOME !== undefined && env.TERMITE_HOME !== ""
    ? env.TERMITE_HOME
    : join(homedir(), ".termite");
}

/** The CURVE options of the ZeroMQ transport (as @termite/transport-zmq's `CurveOptions`). */
export interface NodeCurveOptions {
  readonly publicKey: string;
  readonly secretKey: string;
  readonly allow: readonly string[];
  readonly serverKeys: Readonly<Record<string, string>>;
}

const Z85 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

/** ZeroMQ's Z85 text of 32 key bytes (RFC 32). */
function z85(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    let value = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
    let chunk = "";
    for (let j = 0; j < 5; j++) {
      chunk = Z85[value % 85]! + chunk;
      value = Math.floor(value / 85);
    }
    out += chunk;
  }
  return out;
}

/** A CURVE key pair: Curve25519, as X25519 keys of Node's crypto. */
export function curveKeyPair(): { publicKey: string; secretKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync("x25519");
  const pub = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  const sec = Buffer.from(privateKey.export({ format: "jwk" }).d!, "base64url");
  return { publicKey: z85(pub), secretKey: z85(sec) };
}

function dataLines(file: string): string[][] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => l.split(/\s+/));
}

/**
 * Writes a new key pair under `home`/node (and empty peer lists if absent). Refuses to replace an
 * existing pair unless `force`. Answers the public key.
 */
export function writeNodeKeys(home: string, force = false): string {
  const dir = join(home, "node");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secretFile = join(dir, "secret-key");
  if (existsSync(secretFile) && !force)
    throw new Error(
      `${secretFile} exists; termite keys --force replaces it (peers must then learn the new key)`,
    );
  const { publicKey, secretKey } = curveKeyPair();
  writeFileSync(secretFile, `${secretKey}\n`, { mode: 0o600 });
  writeFileSync(join(dir, "public-key"), `${publicKey}\n`);
  const allowed = join(dir, "allowed-peers");
  if (!existsSync(allowed))
    writeFileSync(
      allowed,
      "# Public keys (Z85) of the nodes allowed to connect to this one, one per line.\n",
    );
  const peers = join(dir, "peer-keys");
  if (!existsSync(peers))
    writeFileSync(
      peers,
      "# ADDRESS PUBLIC-KEY: the key of each node this one connects to, e.g.\n# :7000 <key>\n",
    );
  return publicKey;
}

/** The CURVE options from `home`/node, or `undefined` when this node has no key pair. */
export function readCurveOptions(home: string): NodeCurveOptions | undefined {
  const dir = join(home, "node");
  const secretFile = join(dir, "secret-key");
  if (!existsSync(secretFile)) return undefined;
  const one = (file: string) => readFileSync(file, "utf8").trim();
  const serverKeys: Record<string, string> = {};
  for (const [address, key] of dataLines(join(dir, "peer-keys"))) {
    if (address === undefined || key === undefined) continue;
    serverKeys[transportAddress(address)] = key;
  }
  return {
    publicKey: one(join(dir, "public-key")),
    secretKey: one(secretFile),
    allow: dataLines(join(dir, "allowed-peers")).map((l) => l[0]!),
    serverKeys,
  };
}
