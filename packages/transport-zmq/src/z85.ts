// ## Z85
//
// ZeroMQ's text form of CURVE keys (RFC 32): 4 bytes -> 5 characters. ZAP hands us the client's
// key as 32 raw bytes; allow-lists are written in Z85, so we encode to compare.

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

/** Encodes bytes whose length is a multiple of 4. */
export function z85Encode(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new RangeError("Z85 encodes a multiple of 4 bytes");
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    let value = ((bytes[i]! << 24) >>> 0) + (bytes[i + 1]! << 16) + (bytes[i + 2]! << 8) + bytes[i + 3]!;
    const chunk: string[] = [];
    for (let j = 0; j < 5; j++) {
      chunk.unshift(ALPHABET[value % 85]!);
      value = Math.floor(value / 85);
    }
    out += chunk.join("");
  }
  return out;
}

/** Whether `key` looks like a Z85 CURVE key (40 characters of the alphabet). */
export function isZ85Key(key: unknown): key is string {
  return typeof key === "string" && key.length === 40 && [...key].every((c) => ALPHABET.includes(c));
}
