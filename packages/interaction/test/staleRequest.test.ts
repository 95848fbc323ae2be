// Replay protection: platforms whose signature covers a timestamp (WeChat, Weibo) let
// handleWebhook refuse a captured request replayed later. The tolerance default (5 min)
// is the one Stripe's `constructEvent` (300 s) and Slack's request verification use.
import { describe, expect, it } from "vitest";
import {
  createDouyinAdapter,
  createWechatOaAdapter,
  createWeiboAdapter,
  handleWebhook,
  HandleWebhookOptionsSchema,
  type PlatformAdapter,
} from "./helpers/index";
import { signedUrl, WECHAT_ACCOUNT, WECHAT_TEXT, WECHAT_TOKEN } from "./fixtures/wechat";
import { WEIBO_ACCOUNT, WEIBO_SECRET, WEIBO_TEXT } from "./fixtures/weibo";
import { sortedSha1 } from "./fixtures/sign";
import { createHash } from "node:crypto";

const SENT_S = 1772933400; // the signed `timestamp` of the WeChat fixture, epoch seconds
const wechatCtx = (receivedAt: number) => ({ channelId: "ch_wx" as never, account: WECHAT_ACCOUNT, receivedAt });
const wechatReq = { method: "POST", url: signedUrl(String(SENT_S)), headers: {}, body: WECHAT_TEXT };

describe("handleWebhook: stale_request", () => {
  const wechat = createWechatOaAdapter();

  it("accepts a delivery within 5 minutes either way and refuses one beyond (WeChat, seconds)", () => {
    const code = (receivedAt: number, options = {}) => {
      const r = handleWebhook(wechat, wechatReq, { secret: WECHAT_TOKEN }, wechatCtx(receivedAt), new Set(), options);
      return r.ok ? r.value.kind : r.error.code;
    };
    expect(code(SENT_S * 1000)).toBe("delivery");
    expect(code(SENT_S * 1000 + 300_000)).toBe("delivery"); // exactly at the tolerance
    expect(code(SENT_S * 1000 + 300_001)).toBe("stale_request");
    expect(code(SENT_S * 1000 - 300_001)).toBe("stale_request"); // signed in the future: skewed or forged clock
    expect(code(SENT_S * 1000 + 3_600_000, { maxAgeMs: 3_600_000 })).toBe("delivery");
    expect(code(SENT_S * 1000 + 86_400_000, { maxAgeMs: null })).toBe("delivery");
  });

  it("checks the signature first: a forged timestamp is bad_signature, not stale", () => {
    const forged = { ...wechatReq, url: wechatReq.url.replace(`timestamp=${SENT_S}`, `timestamp=${SENT_S + 600}`) };
    const r = handleWebhook(wechat, forged, { secret: WECHAT_TOKEN }, wechatCtx((SENT_S + 600) * 1000));
    expect(r).toMatchObject({ ok: false, error: { code: "bad_signature" } });
  });

  it("reads Weibo's millisecond timestamps (open.weibo.com example: 1397022061823)", () => {
    const weibo = createWeiboAdapter();
    expect(
      weibo.signedAt?.({
        method: "GET",
        url: "/wb?nonce=57155157&timestamp=1397022061823&echostr=x&signature=y",
        headers: {},
        body: "",
      }),
    ).toEqual({ ok: true, value: 1397022061823 });
    const ts = "1772933400000";
    const req = {
      method: "POST",
      url: `/weibo?signature=${sortedSha1(WEIBO_SECRET, ts, "57155157")}&timestamp=${ts}&nonce=57155157`,
      headers: {},
      body: WEIBO_TEXT,
    };
    const ctx = (receivedAt: number) => ({ channelId: "ch_wb" as never, account: WEIBO_ACCOUNT, receivedAt });
    expect(handleWebhook(weibo, req, { secret: WEIBO_SECRET }, ctx(1772933405000)).ok).toBe(true);
    expect(handleWebhook(weibo, req, { secret: WEIBO_SECRET }, ctx(1772934000001))).toMatchObject({
      ok: false,
      error: { code: "stale_request", path: ["request"] },
    });
  });

  it("does not apply to handshakes, nor to platforms whose signature covers no time", () => {
    const echo = { method: "GET", url: `${signedUrl(String(SENT_S))}&echostr=abc`, headers: {}, body: "" };
    const r = handleWebhook(wechat, echo, { secret: WECHAT_TOKEN }, wechatCtx(SENT_S * 1000 + 86_400_000));
    expect(r.ok && r.value.kind).toBe("challenge");
    expect(createDouyinAdapter().signedAt).toBeUndefined();
    const body = JSON.stringify({ event: "verify_webhook", client_key: "k", content: { challenge: 7 } });
    const sig = createHash("sha1").update(`s3cret${body}`).digest("hex");
    const d = handleWebhook(
      createDouyinAdapter(),
      { method: "POST", url: "/dy", headers: { "X-Douyin-Signature": sig }, body },
      { secret: "s3cret" },
      { channelId: "ch_dy" as never, account: "a", receivedAt: 0 },
    );
    expect(d.ok).toBe(true);
  });

  it("refuses an unreadable signed timestamp as bad_signature, and an adapter's own signedAt failure as is", () => {
    expect(
      createWechatOaAdapter().signedAt?.({ method: "POST", url: "/w?timestamp=12a", headers: {}, body: "" }),
    ).toMatchObject({ ok: false, error: { code: "bad_signature" } });
    expect(createWechatOaAdapter().signedAt?.({ method: "POST", url: "/w", headers: {}, body: "" })).toEqual({
      ok: true,
      value: null,
    });
    expect(createWechatOaAdapter().signedAt?.({ url: 1 } as never)).toMatchObject({
      ok: false,
      error: { code: "invalid_request" },
    });
    const custom: PlatformAdapter = {
      ...wechat,
      signedAt: () => ({ ok: false, error: { code: "bad_signature", message: "no", path: [] } }),
    };
    expect(handleWebhook(custom, wechatReq, { secret: WECHAT_TOKEN }, wechatCtx(SENT_S * 1000))).toMatchObject({
      ok: false,
      error: { code: "bad_signature", message: "no" },
    });
  });

  it("throws OpsError for bad options (misuse, not input)", () => {
    expect(() =>
      handleWebhook(wechat, wechatReq, { secret: WECHAT_TOKEN }, wechatCtx(0), new Set(), { maxAgeMs: -1 }),
    ).toThrowOpsError("invalid_argument");
    expect(() =>
      handleWebhook(wechat, wechatReq, { secret: WECHAT_TOKEN }, wechatCtx(0), new Set(), { maxAgeMs: 1.5 }),
    ).toThrowOpsError("invalid_argument");
    expect(HandleWebhookOptionsSchema.safeParse({ maxAgeMs: null }).success).toBe(true);
  });
});
