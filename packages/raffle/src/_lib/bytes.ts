import { OpsError, type ErrorPath } from "@ops/core";

// Hex and concatenation here rather than from @noble/hashes/utils, whose module would add
// about 1 kB (gzipped) to every draw for three one-line helpers.

/** Lower-case hex of the bytes. */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = "";
  for (const b of bytes) hex += (b < 16 ? "0" : "") + b.toString(16);
  return hex;
}

/** The bytes of an even-length string of hex digits (either case); throws a TypeError for anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))
    throw new TypeError("hexToBytes: not an even-length hex string");
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** The byte strings one after another, in a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const ENCODER = /* @__PURE__ */ new TextEncoder();

/** UTF-8 bytes of a well-formed string. */
export function utf8(text: string): Uint8Array {
  return ENCODER.encode(text);
}

/** True when the string has an unpaired UTF-16 surrogate (it has no UTF-8 encoding). */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Lexicographic comparison of byte strings (a shorter prefix sorts first). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Decodes exactly `bytes` bytes of lower- or upper-case hex, or throws an OpsError. */
export function hexBytes(hex: unknown, bytes: number, fn: string, path: ErrorPath): Uint8Array {
  if (typeof hex !== "string" || hex.length !== bytes * 2 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path,
      rule: `must be ${bytes} bytes as ${bytes * 2} hex digits`,
      received: hex,
    });
  }
  return hexToBytes(hex);
}

/** 4-byte big-endian encoding of an unsigned 32-bit integer. */
export function u32be(value: number): Uint8Array {
  return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
}

/** 8-byte big-endian encoding of a non-negative safe integer. */
export function u64be(value: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(value));
  return out;
}
