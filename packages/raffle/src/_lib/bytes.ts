import { bytesToHex, concatBytes, hexToBytes } from "@noble/hashes/utils.js";
import { OpsError, type ErrorPath } from "@ops/core";

export { bytesToHex, concatBytes };

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
