import { hmac } from "@noble/hashes/hmac.js";
import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { wtf8Bytes } from "./wtf8";

/** SHA-1 of UTF-8 text, lower-case hex (WeChat, Weibo and Douyin signatures). */
export function sha1Hex(text: string): string {
  return bytesToHex(sha1(utf8ToBytes(text)));
}

/** HMAC-SHA256 of UTF-8 `message` under UTF-8 `key`, as lower-case hex (Meta's X-Hub-Signature-256). */
export function hmacSha256Hex(key: string, message: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(message)));
}

/** HMAC-SHA256 as standard base64 (X's CRC response_token and x-twitter-webhooks-signature). */
export function hmacSha256Base64(key: string, message: string): string {
  return toBase64(hmac(sha256, utf8ToBytes(key), utf8ToBytes(message)));
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out +=
      B64[(n >> 18) & 63]! +
      B64[(n >> 12) & 63]! +
      (b === undefined ? "=" : B64[(n >> 6) & 63]!) +
      (c === undefined ? "=" : B64[n & 63]!);
  }
  return out;
}

/** Compares two strings in time that depends only on their lengths (no early exit on the first difference). */
export function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

/** SHA-256 of a string's WTF-8 bytes (lone surrogates kept distinct), lower-case hex: the digest of a delivery. */
export function sha256Wtf8Hex(text: string): string {
  return bytesToHex(sha256(wtf8Bytes(text)));
}
