import { v2Key } from "./fixtures/sign";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createWechatOaAdapter, handleWebhook, WechatOaAdapterOptionsSchema } from "./helpers/index";
import { decryptWechatMessage, wechatAesKey } from "../src/adapter/_lib/wechatCrypto";
import { escapeXml } from "../src/adapter/_lib/xml";
import { signedUrl, WECHAT_ACCOUNT, WECHAT_SUBSCRIBE, WECHAT_TEXT, WECHAT_TOKEN } from "./fixtures/wechat";
import {
  aesCbc,
  aesUrl,
  compatibleBody,
  concat,
  fromBase64,
  padTo32,
  safeBody,
  toBase64,
  uint32be,
  utf8,
  WECHAT_AES_KEY,
  WECHAT_AES_TEXT,
  WECHAT_APP_ID,
  wechatEncrypt,
} from "./fixtures/wechatAes";
import { sortedSha1 } from "./fixtures/sign";

const ctx = (account: string, receivedAt = 1772933401000) => ({ channelId: "ch_wx" as never, account, receivedAt });
const key = (k: string) => wechatAesKey(k)!;

// Official vectors. The key "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" is the sample key of
// Tencent's WXBizMsgCrypt packages (公众号 "消息加解密说明" sample code).

// A — Tencent's Java sample test, as copied in stornado/spwechat
// src/test/java/com/qq/weixin/mp/aes/WXBizMsgCryptTest.java (testAesEncrypt, testAesEncrypt2):
// encrypt(randomStr, replyMsg) with AppID wxb11529c136998cb6 must give afterAesEncrypt.
const JAVA = {
  key: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  appId: "wxb11529c136998cb6",
  random: "aaaabbbbccccdddd",
  replyMsg: "我是中文abcd123",
  afterAesEncrypt: "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==",
  replyMsg2:
    "<xml><ToUserName><![CDATA[oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw]]></ToUserName><FromUserName><![CDATA[gh_7f083739789a]]></FromUserName><CreateTime>1407743423</CreateTime><MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0]]></MediaId><Title><![CDATA[testCallBackReplyVideo]]></Title><Description><![CDATA[testCallBackReplyVideo]]></Description></Video></xml>",
  afterAesEncrypt2:
    "jn1L23DB+6ELqJ+6bruv23M2GmYfkv0xBh2h+XTBOKVKcgDFHle6gqcZ1cZrk3e1qjPQ1F4RsLWzQRG9udbKWesxlkupqcEcW7ZQweImX9+wLMa0GaUzpkycA8+IamDBxn5loLgZpnS7fVAbExOkK5DYHBmv5tptA9tklE/fTIILHR8HLXa5nQvFb3tYPKAlHF3rtTeayNf0QuM+UW/wM9enGIDIJHF7CLHiDNAYxr+r+OrJCmPQyTy8cVWlu9iSvOHPT/77bZqJucQHQ04sq7KZI27OcqpQNSto2OdHCoTccjggX5Z9Mma0nMJBU+jLKJ38YB1fBIz+vBzsYjrTmFQ44YfeEuZ+xRTQwr92vhA9OxchWVINGC50qE/6lmkwWTwGX9wtQpsJKhP+oS7rvTY8+VdzETdfakjkwQ5/Xka042OlUb1/slTwo4RscuQ+RdxSGvDahxAJ6+EAjLt9d8igHngxIbf6YyqqROxuxqIeIch3CssH/LqRs+iAcILvApYZckqmA7FNERspKA5f8GoJ9sv8xmGvZ9Yrf57cExWtnX8aCMMaBropU/1k+hKP5LVdzbWCG0hGwx/dQudYR/eXp3P0XxjlFiy+9DMlaFExWUZQDajPkdPrEeOwofJb",
};

// B — Tencent's Python sample, as copied in charlesXu86/Chatbot_CN Chatbot_Web/impl/weixin/Sample.py
// (the "测试解密接口" part): a compatible-mode push with its published msg_signature.
const PY = {
  key: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  token: "spamtest",
  appId: "wx2c2769f8efd9abc2",
  timestamp: "1409735669",
  nonce: "1320562132",
  msgSign: "5d197aaffba7e9b25a30732f161a50dee96bd5fa",
  fromXml:
    "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA[hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=]]></Encrypt></xml>",
};
const pyUrl = (msgSign = PY.msgSign) =>
  `/wechat?timestamp=${PY.timestamp}&nonce=${PY.nonce}&encrypt_type=aes&msg_signature=${msgSign}`;
const pyEncrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(PY.fromXml)![1]!;

describe("WeChat AES: the official WXBizMsgCrypt vectors", () => {
  it("decrypts the Java sample's ciphertexts to exactly their plaintexts (CJK included)", () => {
    expect(decryptWechatMessage(key(JAVA.key), JAVA.afterAesEncrypt, JAVA.appId)).toEqual({
      ok: true,
      value: JAVA.replyMsg,
    });
    expect(decryptWechatMessage(key(JAVA.key), JAVA.afterAesEncrypt2, JAVA.appId)).toEqual({
      ok: true,
      value: JAVA.replyMsg2,
    });
  });

  it("has a test encrypter (node:crypto) that reproduces the Java sample byte for byte", () => {
    // so the round-trip tests below encrypt exactly as WeChat does
    const random = utf8(JAVA.random);
    expect(wechatEncrypt(JAVA.replyMsg, { key: JAVA.key, appId: JAVA.appId, random })).toBe(JAVA.afterAesEncrypt);
    expect(wechatEncrypt(JAVA.replyMsg2, { key: JAVA.key, appId: JAVA.appId, random })).toBe(JAVA.afterAesEncrypt2);
  });

  it("reads the Java sample's XML message through the adapter", () => {
    const adapter = createWechatOaAdapter({ encodingAesKey: JAVA.key, appId: JAVA.appId });
    const body = `<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[${JAVA.afterAesEncrypt2}]]></Encrypt></xml>`;
    const r = adapter.parse(body, ctx("gh_7f083739789a"));
    expect(r.ok && r.value[0]).toMatchObject({
      kind: "dm",
      actor: { userId: "gh_7f083739789a" },
      platformCreatedAt: 1407743423000,
      content: { media: [{ type: "video" }] },
      // the sample is a passive reply (MediaId nested in <Video>), so the decrypted message is checked in raw
      raw: {
        ToUserName: "oia2Tj我是中文jewbmiOUlr6X-1crbLOvLw",
        Video: {
          MediaId: "eYJ1MbwPRJtOvIEabaxHs7TX2D-HV71s79GUxqdUkjm6Gs2Ed1KF3ulAOA9H1xG0",
          Title: "testCallBackReplyVideo",
        },
      },
    });
  });

  it("verifies the Python sample's published msg_signature and refuses a wrong one", () => {
    const adapter = createWechatOaAdapter({ encodingAesKey: PY.key, appId: PY.appId });
    const request = { method: "POST", url: pyUrl(), headers: {}, body: PY.fromXml };
    expect(adapter.verify(request, { secret: PY.token })).toEqual({ ok: true, value: { kind: "delivery" } });
    // the published signature is sha1 of the sorted Token, timestamp, nonce and Encrypt (checked with node:crypto)
    expect(sortedSha1(PY.token, PY.timestamp, PY.nonce, pyEncrypt)).toBe(PY.msgSign);
    expect(
      adapter.verify({ ...request, url: pyUrl(PY.msgSign.replace("5d19", "5d18")) }, { secret: PY.token }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature", path: ["url", "msg_signature"] } });
    expect(adapter.verify(request, { secret: "spamtesT" })).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
  });

  it("decrypts the Python sample to the same message as its compatible-mode plaintext copy", () => {
    const safe = createWechatOaAdapter({ encodingAesKey: PY.key, appId: PY.appId }).parse(
      PY.fromXml,
      ctx("gh_10f6c3c3ac5a"),
    );
    const plainOnly = createWechatOaAdapter().parse(
      PY.fromXml.replace(/<Encrypt>.*<\/Encrypt>/, ""),
      ctx("gh_10f6c3c3ac5a"),
    );
    expect(safe.ok && plainOnly.ok).toBe(true);
    const strip = (r: typeof safe) => (r.ok ? r.value.map(({ raw: _raw, ...rest }) => rest) : []);
    expect(strip(safe)).toEqual(strip(plainOnly));
    expect(safe.ok && [safe.value[0]?.content?.text, safe.value[0]?.nativeId, safe.value[0]?.actor.userId]).toEqual([
      "abcdteT",
      "6054768590064713728",
      "oyORnuP8q7ou2gfYjqLzSIWZf0rs",
    ]);
    // the decrypted message, not the unsigned plaintext copy, is what the interaction carries
    expect(safe.ok && safe.value[0]?.raw).not.toHaveProperty("Encrypt");
  });

  it("refuses the Python sample under another AppID as bad_signature", () => {
    const adapter = createWechatOaAdapter({ encodingAesKey: PY.key, appId: JAVA.appId });
    expect(adapter.parse(PY.fromXml, ctx("gh_10f6c3c3ac5a"))).toMatchObject({
      ok: false,
      error: { code: "bad_signature", path: ["body", "Encrypt"] },
    });
    expect(adapter.dedupeKey(PY.fromXml)).toMatchObject({ ok: false, error: { code: "bad_signature" } });
  });
});

describe("createWechatOaAdapter in safe mode", () => {
  const adapter = createWechatOaAdapter({ encodingAesKey: WECHAT_AES_KEY, appId: WECHAT_APP_ID });
  const request = { method: "POST", url: aesUrl(WECHAT_AES_TEXT), headers: {}, body: safeBody(WECHAT_AES_TEXT) };

  it("takes a safe-mode push through handleWebhook: verify, freshness, dedupe key, parse", () => {
    const r = handleWebhook(adapter, request, { secret: WECHAT_TOKEN }, ctx(WECHAT_ACCOUNT));
    expect(
      r.ok && r.value.kind === "delivery" && [r.value.key, r.value.interactions.map((x) => [x.kind, x.content?.text])],
    ).toEqual([v2Key("wechat_oa", "text", WECHAT_TEXT), [["dm", "敏感肌用什么洁面？有没有温和一点的"]]]);
    expect(
      handleWebhook(
        adapter,
        request,
        { secret: WECHAT_TOKEN },
        ctx(WECHAT_ACCOUNT),
        new Set([v2Key("wechat_oa", "text", WECHAT_TEXT)]),
      ),
    ).toMatchObject({ ok: false, error: { code: "duplicate_delivery" } });
  });

  it("reads safe and compatible mode alike, and dedupes them by the digest of the decrypted message", () => {
    const sub = wechatEncrypt(WECHAT_SUBSCRIBE);
    // a re-encryption (fresh random prefix) of the same message is the same delivery
    expect(adapter.dedupeKey(safeBody(WECHAT_AES_TEXT))).toEqual({
      ok: true,
      value: v2Key("wechat_oa", "text", WECHAT_TEXT),
    });
    expect(adapter.dedupeKey(compatibleBody(WECHAT_TEXT, WECHAT_AES_TEXT))).toEqual({
      ok: true,
      value: v2Key("wechat_oa", "text", WECHAT_TEXT),
    });
    expect(adapter.dedupeKey(safeBody(sub))).toEqual({
      ok: true,
      value: v2Key("wechat_oa", "event:subscribe", WECHAT_SUBSCRIBE),
    });
    expect(adapter.parse(safeBody(sub), ctx(WECHAT_ACCOUNT))).toMatchObject({
      ok: true,
      value: [{ kind: "follow", content: { text: "qrscene_spring2026" } }],
    });
  });

  it("trusts the encrypted copy, not compatible mode's unsigned plaintext fields", () => {
    const forged = compatibleBody(WECHAT_TEXT.replace("敏感肌用什么洁面？有没有温和一点的", "forged"), WECHAT_AES_TEXT);
    const r = adapter.parse(forged, ctx(WECHAT_ACCOUNT));
    expect(r.ok && r.value[0]?.content?.text).toBe("敏感肌用什么洁面？有没有温和一点的");
  });

  it("round-trips any message text, including CJK, emoji and XML-special characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (text, random) => {
          const xml = WECHAT_TEXT.replace("<![CDATA[敏感肌用什么洁面？有没有温和一点的]]>", () => escapeXml(text)); // a function: "$$" in a replacement string means "$"
          const encrypt = wechatEncrypt(xml, { random });
          expect(
            adapter.verify(
              { method: "POST", url: aesUrl(encrypt), headers: {}, body: safeBody(encrypt) },
              { secret: WECHAT_TOKEN },
            ),
          ).toEqual({ ok: true, value: { kind: "delivery" } });
          const r = adapter.parse(safeBody(encrypt), ctx(WECHAT_ACCOUNT));
          expect(r.ok && r.value[0]?.content?.text).toBe(text);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("decrypts messages whose padding is a whole 32-byte block, and of every length around it", () => {
    // 16 + 4 + msg + 18 (AppID) is a multiple of 32 when msg is 26 bytes: the pad is then 32 bytes of 32
    for (let n = 20; n <= 60; n++) {
      const msg = "a".repeat(n);
      expect(decryptWechatMessage(key(WECHAT_AES_KEY), wechatEncrypt(msg), WECHAT_APP_ID)).toEqual({
        ok: true,
        value: msg,
      });
    }
    expect((16 + 4 + 26 + WECHAT_APP_ID.length) % 32).toBe(0);
  });

  it("refuses a wrong msg_signature, a tampered Encrypt and a missing Encrypt in verify", () => {
    const tampered = `${WECHAT_AES_TEXT.slice(0, 10)}${WECHAT_AES_TEXT[10] === "A" ? "B" : "A"}${WECHAT_AES_TEXT.slice(11)}`;
    expect(
      adapter.verify({ ...request, url: aesUrl(WECHAT_AES_TEXT, "1772933401") }, { secret: WECHAT_TOKEN }),
    ).toMatchObject({ ok: true });
    expect(
      adapter.verify(
        {
          ...request,
          url: request.url.replace(/msg_signature=\w+/, "msg_signature=da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        },
        { secret: WECHAT_TOKEN },
      ),
    ).toMatchObject({ ok: false, error: { code: "bad_signature" } });
    expect(adapter.verify({ ...request, body: safeBody(tampered) }, { secret: WECHAT_TOKEN })).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
    expect(
      adapter.verify({ ...request, url: request.url.replace(/&msg_signature=\w+/, "") }, { secret: WECHAT_TOKEN }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature" } });
    expect(adapter.verify({ ...request, body: WECHAT_TEXT }, { secret: WECHAT_TOKEN })).toMatchObject({
      ok: false,
      error: { code: "missing_field", path: ["body", "Encrypt"] },
    });
    expect(
      adapter.verify({ ...request, body: "<xml><Encrypt></Encrypt></xml>" }, { secret: WECHAT_TOKEN }),
    ).toMatchObject({ ok: false, error: { code: "missing_field" } });
    expect(adapter.verify({ ...request, body: "not xml" }, { secret: WECHAT_TOKEN })).toMatchObject({
      ok: false,
      error: { code: "malformed_payload" },
    });
  });

  it("refuses a plaintext push once a key is configured, but still answers the GET URL check", () => {
    expect(
      adapter.verify({ method: "POST", url: signedUrl(), headers: {}, body: WECHAT_TEXT }, { secret: WECHAT_TOKEN }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature", path: ["url"] } });
    expect(
      adapter.verify(
        { method: "GET", url: signedUrl("1772933400", "184793", "&echostr=42"), headers: {}, body: "" },
        { secret: WECHAT_TOKEN },
      ),
    ).toMatchObject({
      ok: true,
      value: { kind: "challenge", response: { body: "42" } },
    });
  });

  it("refuses every damaged ciphertext in verify, and parse answers each with a typed value", () => {
    const sealed = fromBase64(WECHAT_AES_TEXT);
    const flip = (i: number) => {
      const b = sealed.slice();
      b[i] = (b[i] as number) ^ 1;
      return toBase64(b);
    };
    for (let i = 0; i < sealed.length; i++) {
      // CBC has no integrity of its own: msg_signature (over the Encrypt text) is what refuses tampering
      expect(adapter.verify({ ...request, body: safeBody(flip(i)) }, { secret: WECHAT_TOKEN })).toMatchObject({
        ok: false,
        error: { code: "bad_signature" },
      });
      // a flipped bit garbles its block and flips one bit of the next: parse must answer with a
      // typed value, not through the catch-all guard
      const r = adapter.parse(safeBody(flip(i)), ctx(WECHAT_ACCOUNT));
      if (!r.ok) expect(r.error.message).not.toMatch(/^payload could not be read/);
    }
    const last = adapter.parse(safeBody(flip(sealed.length - 1)), ctx(WECHAT_ACCOUNT));
    expect(last).toMatchObject({ ok: false, error: { code: "malformed_payload" } });
  });

  it("names each decryption failure: base64, block size, padding, length, UTF-8", () => {
    const aes = key(WECHAT_AES_KEY);
    const k = fromBase64(`${WECHAT_AES_KEY}=`);
    const seal = (plain: Uint8Array) => toBase64(aesCbc(k, plain));
    const header = (len: number) => concat(new Uint8Array(16).fill(0x61), uint32be(len));
    const fill = (n: number, v: number) => new Uint8Array(n).fill(v);
    const body = concat(header(5), utf8("hello"), utf8(WECHAT_APP_ID));
    const pad = 32 - (body.length % 32);
    const cases: [string, string, RegExp][] = [
      ["not base64", "%%%%", /not base64/],
      ["non-canonical base64", "QR==", /not base64/],
      ["not whole blocks", toBase64(fill(20, 0)), /not whole 16-byte AES blocks/],
      ["empty", "", /not base64|not whole/],
      ["pad 0", seal(concat(body, fill(pad, 0))), /PKCS#7/],
      ["pad 33", seal(concat(body, fill(pad, 33))), /PKCS#7/],
      ["inconsistent pad bytes", seal(concat(body, fill(pad - 1, 1), Uint8Array.of(pad))), /PKCS#7/],
      [
        "length beyond the message",
        seal(padTo32(concat(header(500), utf8("hello"), utf8(WECHAT_APP_ID)))),
        /announces 500 bytes/,
      ],
      ["shorter than the header", seal(padTo32(fill(10, 1))), /shorter than its 20-byte header/],
      ["invalid UTF-8", seal(padTo32(concat(header(2), Uint8Array.of(0xc3, 0x28), utf8(WECHAT_APP_ID)))), /not UTF-8/],
    ];
    for (const [name, text, message] of cases) {
      const r = decryptWechatMessage(aes, text, WECHAT_APP_ID);
      expect(r, name).toMatchObject({ ok: false, error: { code: "malformed_payload", path: ["body", "Encrypt"] } });
      expect(r.ok ? "" : r.error.message, name).toMatch(message);
    }
    expect(decryptWechatMessage(aes, seal(padTo32(body)), WECHAT_APP_ID)).toEqual({ ok: true, value: "hello" });
    expect(decryptWechatMessage(aes, seal(padTo32(body)), "wx0000000000000000")).toMatchObject({
      ok: false,
      error: { code: "bad_signature" },
    });
  });

  it("refuses a wrong key as malformed_payload or bad_signature, never as a success", () => {
    const other = createWechatOaAdapter({
      encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
      appId: WECHAT_APP_ID,
    });
    const r = other.parse(safeBody(WECHAT_AES_TEXT), ctx(WECHAT_ACCOUNT));
    expect(r.ok).toBe(false);
    expect(["malformed_payload", "bad_signature"]).toContain(r.ok ? "" : r.error.code);
  });

  it("refuses an encrypted body without a key as unsupported, saying to pass encodingAesKey", () => {
    const plain = createWechatOaAdapter();
    for (const r of [
      plain.parse(safeBody(WECHAT_AES_TEXT), ctx(WECHAT_ACCOUNT)),
      plain.dedupeKey(compatibleBody(WECHAT_TEXT, WECHAT_AES_TEXT)),
    ]) {
      expect(r).toMatchObject({ ok: false, error: { code: "unsupported", path: ["body", "Encrypt"] } });
      expect(r.ok ? "" : r.error.message).toMatch(/pass encodingAesKey and appId/);
    }
    // the signature check itself needs only the Token
    expect(plain.verify(request, { secret: WECHAT_TOKEN })).toEqual({ ok: true, value: { kind: "delivery" } });
  });
});

describe("WechatOaAdapterOptionsSchema", () => {
  const create = (options: unknown) => () => createWechatOaAdapter(options as never);
  const fn = "createWechatOaAdapter";

  it("throws OpsError invalid_argument naming the field and the rule", () => {
    expect(create({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEF", appId: "wx1" })).toThrowOpsError(
      "invalid_argument",
      {
        fn,
        path: ["options", "encodingAesKey"],
        message: /^createWechatOaAdapter: options\.encodingAesKey must be the 43-character EncodingAESKey/,
      },
    );
    expect(create({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDE+G", appId: "wx1" })).toThrowOpsError(
      "invalid_argument",
      { message: /options\.encodingAesKey must be the 43-character/ },
    );
    expect(create({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "appId"], message: /options\.appId is required with encodingAesKey/ },
    );
    expect(create({ appId: "wx2c2769f8efd9abc2" })).toThrowOpsError("invalid_argument", {
      path: ["options", "encodingAesKey"],
      message: /options\.encodingAesKey is required with appId/,
    });
    expect(create({ encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wx 1" })).toThrowOpsError(
      "invalid_argument",
      { message: /options\.appId must be the account's AppID/ },
    );
    // WeChat's console spells it EncodingAESKey: a misspelt option must not leave the adapter keyless
    expect(create({ encodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", appId: "wx1" })).toThrowOpsError(
      "invalid_argument",
      { fn, path: ["options"], message: /^createWechatOaAdapter: options must not have the key "encodingAESKey"/ },
    );
    expect(create({ policy: { id: "" } })).toThrowOpsError("invalid_argument", { path: ["options", "policy", "id"] });
  });

  it("accepts no options, a policy alone, or a key with its AppID, and does not mutate them", () => {
    const options = Object.freeze({ encodingAesKey: WECHAT_AES_KEY, appId: WECHAT_APP_ID });
    expect(create(undefined)).not.toThrow();
    expect(create({})).not.toThrow();
    expect(create(options)).not.toThrow();
    expect(options).toEqual({ encodingAesKey: WECHAT_AES_KEY, appId: WECHAT_APP_ID });
    expect(
      WechatOaAdapterOptionsSchema.safeParse({ encodingAesKey: WECHAT_AES_KEY, appId: WECHAT_APP_ID }).success,
    ).toBe(true);
  });
});
