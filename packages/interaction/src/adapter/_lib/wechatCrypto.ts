import { cbc } from "@noble/ciphers/aes.js";
import { failure, type Result } from "@ops/core";
import type { AdapterFailure } from "../PlatformAdapter";

// WeChat's message encryption (公众号 "消息加解密说明", the WXBizMsgCrypt samples):
// AES key = base64decode(EncodingAESKey + "="), 32 bytes; IV = its first 16 bytes;
// AES-256-CBC over  random(16) ‖ uint32be(len(msg)) ‖ msg (UTF-8) ‖ appId,
// padded with PKCS#7 to a multiple of 32 bytes (pad values 1..32, not the 16 of AES).

/** The 32-byte AES key and the 16-byte IV of a WeChat EncodingAESKey. */
export interface WechatAesKey {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
}

const BLOCK = 32;

/**
 * The AES key of an EncodingAESKey (43 characters, already checked by the options schema):
 * base64decode(key + "="). The 43rd character carries 2 bits more than the 256 of the key;
 * like the WXBizMsgCrypt samples, they are dropped (the official sample key ends in "G").
 */
export function wechatAesKey(encodingAesKey: string): WechatAesKey | null {
  const key = fromBase64(`${encodingAesKey}=`, true);
  if (key === null || key.length !== 32) return null;
  return { key, iv: key.slice(0, 16) };
}

/**
 * Decrypts the text of an `<Encrypt>` element and returns the message (UTF-8 XML).
 * `malformed_payload` when the text is not base64, not whole AES blocks, badly padded or
 * announces more bytes than it has; `bad_signature` when the trailing AppID is not
 * `appId` (WXBizMsgCrypt's ValidateAppidError: the message was encrypted for another
 * account, or with another key).
 */
export function decryptWechatMessage(
  aes: WechatAesKey,
  encrypt: string,
  appId: string,
): Result<string, AdapterFailure> {
  const sealed = fromBase64(encrypt.trim(), false);
  if (sealed === null) return bad("Encrypt is not base64 text");
  if (sealed.length === 0 || sealed.length % 16 !== 0)
    return bad(`Encrypt is ${sealed.length} bytes, not whole 16-byte AES blocks`);
  const plain = cbc(aes.key, aes.iv, { disablePadding: true }).decrypt(sealed);
  const pad = plain[plain.length - 1] as number;
  if (pad < 1 || pad > BLOCK || pad > plain.length)
    return bad(
      "Encrypt does not decrypt to PKCS#7 padding of 1..32 bytes (wrong EncodingAESKey, or a damaged message)",
    );
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad)
      return bad(
        "Encrypt does not decrypt to PKCS#7 padding of 1..32 bytes (wrong EncodingAESKey, or a damaged message)",
      );
  }
  const end = plain.length - pad;
  if (end < 20) return bad("the decrypted message is shorter than its 20-byte header");
  const length =
    (((plain[16] as number) << 24) |
      ((plain[17] as number) << 16) |
      ((plain[18] as number) << 8) |
      (plain[19] as number)) >>>
    0;
  if (length > end - 20) return bad(`the decrypted message announces ${length} bytes but carries ${end - 20}`);
  const text = utf8(plain.subarray(20, 20 + length));
  const sender = utf8(plain.subarray(20 + length, end));
  if (text === null || sender === null) return bad("the decrypted message is not UTF-8 text");
  if (sender !== appId) {
    return {
      ok: false,
      error: failure(
        "bad_signature",
        `the message was encrypted for AppID ${JSON.stringify(sender.slice(0, 64))}, not the configured ${JSON.stringify(appId)}`,
        ["body", "Encrypt"],
      ),
    };
  }
  return { ok: true, value: text };
}

function bad(message: string): { ok: false; error: AdapterFailure } {
  return { ok: false, error: failure("malformed_payload", message, ["body", "Encrypt"]) };
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Standard base64 (RFC 4648 §4, with `=` padding) to bytes; `null` for anything else.
 * `lenient` keeps the non-zero trailing bits that a non-canonical final character carries
 * (needed for EncodingAESKeys); otherwise such text is refused.
 */
function fromBase64(text: string, lenient: boolean): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const a = sextet(text.charCodeAt(i));
    const b = sextet(text.charCodeAt(i + 1));
    const c = sextet(text.charCodeAt(i + 2));
    const d = sextet(text.charCodeAt(i + 3));
    const n = (a << 18) | (b << 12) | (Math.max(c, 0) << 6) | Math.max(d, 0);
    out[o++] = (n >> 16) & 255;
    if (c >= 0) out[o++] = (n >> 8) & 255;
    else if (!lenient && (b & 15) !== 0) return null;
    if (d >= 0) out[o++] = n & 255;
    else if (c >= 0 && !lenient && (c & 3) !== 0) return null;
  }
  return out;
}

/** The value of a base64 character; -1 for `=`. (The regular expression has ruled out everything else.) */
function sextet(code: number): number {
  if (code >= 65 && code <= 90) return code - 65; // A-Z
  if (code >= 97 && code <= 122) return code - 71; // a-z
  if (code >= 48 && code <= 57) return code + 4; // 0-9
  if (code === 43) return 62; // +
  if (code === 47) return 63; // /
  return -1; // =
}
