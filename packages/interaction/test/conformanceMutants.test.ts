// The conformance kit must not pass a broken adapter: each variant below breaks one rule
// of docs/adapter-guide.md in a reference adapter (or in a bearer-token adapter written
// from the guide), and must fail the named check. Issue 18 found 10 of 21 such variants
// passing the kit before these checks existed.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkWebhookBody,
  constantTimeEqual,
  createDouyinAdapter,
  createInstagramAdapter,
  createMessengerAdapter,
  createWeiboAdapter,
  createWhatsappAdapter,
  createXAdapter,
  deliveryKey,
  headerValue,
  InteractionSchema,
  replyPolicy,
  runAdapterConformance,
  type AdapterFixture,
  type Interaction,
  type PlatformAdapter,
  type ReplyWindowPolicy,
} from "./helpers/index";
import { DOUYIN_FIXTURES } from "./fixtures/douyin";
import { INSTAGRAM_FIXTURES } from "./fixtures/instagram";
import { MESSENGER_FIXTURES } from "./fixtures/messenger";
import { WEIBO_FIXTURES } from "./fixtures/weibo";
import { WHATSAPP_FIXTURES } from "./fixtures/whatsapp";
import { X_FIXTURES } from "./fixtures/x";

type Parse = PlatformAdapter["parse"];
const mapParse =
  (parse: Parse, f: (x: Interaction) => Interaction): Parse =>
  (body, ctx) => {
    const r = parse(body, ctx);
    return r.ok ? { ok: true, value: r.value.map(f) } : r;
  };
const ok = <T>(value: T) => ({ ok: true as const, value });
const failedIds = (adapter: PlatformAdapter, fixtures: readonly AdapterFixture[]) =>
  runAdapterConformance(adapter, fixtures).failures.map((f) => f.id);

const ig = createInstagramAdapter();
const weibo = createWeiboAdapter();
const douyin = createDouyinAdapter();
const x = createXAdapter();
const fb = createMessengerAdapter();
const wa = createWhatsappAdapter();

/** A bearer-token adapter (Telegram Bot API style: the secret is a header, not a signature over the body). */
const TOKEN = "tg-secret-token-1234";
const POLICY: ReplyWindowPolicy = { id: "tg", platform: "telegram", unrestricted: ["message"], rules: [], sources: [] };
function telegram(
  verifyToken: (headers: Readonly<Record<string, string>>, secret: string) => boolean = (h, s) =>
    constantTimeEqual(s, headerValue(h, "x-telegram-bot-api-secret-token") ?? ""),
): PlatformAdapter {
  return {
    platform: "telegram",
    policy: POLICY,
    verify: (req, secret) =>
      verifyToken(req.headers, secret.secret)
        ? ok({ kind: "delivery" as const })
        : {
            ok: false,
            error: { code: "bad_signature", path: ["headers"], message: "secret token header missing or wrong" },
          },
    dedupeKey: (body) => {
      const limited = checkWebhookBody(body);
      return limited.ok ? ok(deliveryKey("telegram", "update", body)) : limited;
    },
    parse: (body, ctx) => {
      const limited = checkWebhookBody(body); // 1 MB, 64 levels: refused before JSON.parse
      if (!limited.ok) return limited;
      let u: {
        message?: { message_id?: number; date?: number; text?: string; chat?: { id?: number }; from?: { id?: number } };
      };
      try {
        u = JSON.parse(body);
      } catch {
        return { ok: false, error: { code: "malformed_payload", path: [], message: "not JSON" } };
      }
      const m = u?.message;
      if (typeof m?.message_id !== "number" || typeof m.chat?.id !== "number" || typeof m.date !== "number")
        return { ok: false, error: { code: "unknown_event", path: [], message: "not a message update" } };
      const r = InteractionSchema.safeParse({
        id: `telegram:${ctx.account}:${m.chat.id}:${m.message_id}`,
        nativeId: `${m.chat.id}:${m.message_id}`,
        channelId: ctx.channelId,
        kind: "dm",
        direction: "in",
        visibility: "private",
        actor: { platform: "telegram", scope: "", userId: String(m.from?.id ?? m.chat.id) },
        conversation: { id: String(m.chat.id), type: "dm" },
        content: { text: m.text ?? "" },
        platformCreatedAt: m.date * 1000,
        receivedAt: ctx.receivedAt,
        raw: u,
      });
      return r.success ? ok([r.data]) : { ok: false, error: { code: "missing_field", path: [], message: "invalid" } };
    },
    replyPolicy: (thread, now) => replyPolicy(thread, POLICY, now),
    toOutbound: (draft) =>
      typeof draft?.text === "string" && draft.text.length > 0
        ? ok({ method: "POST" as const, path: "/sendMessage", headers: {}, body: JSON.stringify({ text: draft.text }) })
        : { ok: false, error: { code: "invalid_request", path: ["draft", "text"], message: "empty" } },
  };
}
const TG_BODY = JSON.stringify({
  update_id: 10000,
  message: { message_id: 1365, date: 1441645532, chat: { id: 1111111 }, from: { id: 1111111 }, text: "/start" },
});
const TG_FIXTURES: readonly AdapterFixture[] = [
  {
    name: "a text message (Telegram Bot API update sample)",
    request: { method: "POST", url: "/tg", headers: { "X-Telegram-Bot-Api-Secret-Token": TOKEN }, body: TG_BODY },
    secret: { secret: TOKEN },
    context: { channelId: "ch_tg" as never, account: "bot1", receivedAt: 1441645533000 },
    signature: "token",
    expect: { kind: "delivery", interactions: 1, kinds: ["dm"] },
  },
];

/** Each broken variant, the fixtures it runs on and the check that must catch it. */
const MUTANTS: readonly (readonly [string, PlatformAdapter, readonly AdapterFixture[], string])[] = [
  [
    "verify accepts a request with no signature header at all",
    {
      ...ig,
      verify: (r, s) =>
        headerValue(r.headers, "x-hub-signature-256") === undefined
          ? ok({ kind: "delivery" as const })
          : ig.verify(r, s),
    },
    INSTAGRAM_FIXTURES,
    "verify.missing_secret",
  ],
  [
    "verify compares the signature with ===",
    {
      ...ig,
      verify(request, secret) {
        if (request.method === "GET") return ig.verify(request, secret);
        const expected = `sha256=${createHmac("sha256", secret.secret).update(request.body).digest("hex")}`;
        return headerValue(request.headers, "x-hub-signature-256") === expected
          ? ok({ kind: "delivery" as const })
          : ig.verify({ ...request, headers: {} }, secret);
      },
    },
    INSTAGRAM_FIXTURES,
    "verify.constant_time_compare",
  ],
  [
    "verify checks that the header is there but not what it signs",
    {
      ...ig,
      verify: (r, s) =>
        headerValue(r.headers, "x-hub-signature-256")?.startsWith("sha256=")
          ? ok({ kind: "delivery" as const })
          : ig.verify(r, s),
    },
    INSTAGRAM_FIXTURES,
    "verify.tampered_body",
  ],
  [
    "header lookup that works only in lower case",
    {
      ...ig,
      verify: (r, s) =>
        r.method === "GET" ||
        Object.hasOwn(r.headers, "x-hub-signature-256") ||
        Object.hasOwn(r.headers, "X-Hub-Signature-256")
          ? ig.verify(Object.hasOwn(r.headers, "X-HUB-SIGNATURE-256") ? { ...r, headers: {} } : r, s)
          : ig.verify({ ...r, headers: {} }, s),
    },
    INSTAGRAM_FIXTURES,
    "verify.header_case",
  ],
  [
    "query signature that ignores a changed timestamp",
    {
      ...weibo,
      verify: (r, s) => {
        const good = weibo.verify(r, s);
        if (good.ok) return good;
        const fixed = r.url.replace(/timestamp=\d+/, "timestamp=1772933400000");
        return weibo.verify({ ...r, url: fixed }, s);
      },
    },
    WEIBO_FIXTURES,
    "verify.tampered_query",
  ],
  [
    "a dedupe key equal for every delivery",
    { ...ig, dedupeKey: () => ok("ig:constant") },
    INSTAGRAM_FIXTURES,
    "dedupeKey.distinct_deliveries",
  ],
  [
    "a dedupe key that collides across chats (the message id alone)",
    {
      ...douyin,
      dedupeKey: (body) => {
        const id = /"server_message_id":"([^"]+)"/.exec(body.replace(/\\"/g, '"'))?.[1];
        return id === undefined ? douyin.dedupeKey(body) : ok(`douyin:${id}`);
      },
    },
    DOUYIN_FIXTURES,
    "dedupeKey.distinct_deliveries",
  ],
  [
    "Weibo's version-1 key: sender and second, no type",
    {
      ...weibo,
      dedupeKey: (body) => {
        const o = JSON.parse(body) as { sender_id?: unknown; created_at?: unknown };
        return o.sender_id === undefined
          ? weibo.dedupeKey(body)
          : ok(`weibo:${String(o.sender_id)}:${String(o.created_at)}`);
      },
    },
    WEIBO_FIXTURES,
    "dedupeKey.distinct_deliveries",
  ],
  [
    "Weibo's version-1 interaction ids: sender and second",
    {
      ...weibo,
      parse: mapParse(weibo.parse, (i) =>
        i.kind === "dm" ? { ...i, id: `weibo:x:msg:${i.actor.userId}:${i.platformCreatedAt}` as Interaction["id"] } : i,
      ),
    },
    WEIBO_FIXTURES,
    "dedupeKey.distinct_deliveries",
  ],
  [
    "an empty key for garbage",
    {
      ...ig,
      dedupeKey: (b) => {
        const r = ig.dedupeKey(b);
        return r.ok ? r : ok("");
      },
    },
    INSTAGRAM_FIXTURES,
    "robust.hostile_input",
  ],
  [
    "an unknown event refused by dedupeKey as missing_field",
    {
      ...x,
      dedupeKey: (b) => {
        const r = x.dedupeKey(b);
        return r.ok ? r : { ok: false, error: { ...r.error, code: "missing_field" } };
      },
    },
    X_FIXTURES,
    "dedupeKey.unknown_event",
  ],
  [
    "ids that change on retry (made from receivedAt)",
    {
      ...ig,
      parse: (body, ctx) =>
        mapParse(ig.parse, (i) => ({ ...i, id: `${i.id}:${ctx.receivedAt}` as Interaction["id"] }))(body, ctx),
    },
    INSTAGRAM_FIXTURES,
    "parse.retry_stable",
  ],
  [
    "timestamps left in seconds",
    {
      ...weibo,
      parse: mapParse(weibo.parse, (i) => ({ ...i, platformCreatedAt: Math.floor(i.platformCreatedAt / 1000) })),
    },
    WEIBO_FIXTURES,
    "parse.timestamps_ms",
  ],
  [
    "every interaction marked outbound",
    { ...x, parse: mapParse(x.parse, (i) => ({ ...i, direction: "out" })) },
    X_FIXTURES,
    "parse.directions_mixed",
  ],
  [
    "inReplyTo dropped",
    { ...ig, parse: mapParse(ig.parse, ({ inReplyTo: _dropped, ...i }) => i as Interaction) },
    INSTAGRAM_FIXTURES,
    "parse.reply_links",
  ],
  [
    "a hard-coded reply policy",
    {
      ...ig,
      replyPolicy: () => ({
        surface: "message",
        allowed: true,
        code: "open",
        until: null,
        messagesLeft: null,
        ruleId: null,
        tag: null,
        reason: "always",
        alternatives: [],
      }),
    },
    INSTAGRAM_FIXTURES,
    "replyPolicy.answers",
  ],
  [
    "no body limit: a 10 MB body is parsed",
    { ...ig, parse: (b, c) => (b.length > 1_000_000 ? ok([]) : ig.parse(b, c)) },
    INSTAGRAM_FIXTURES,
    "robust.body_limits",
  ],
  [
    "bodySigned: false turning the tamper check off",
    {
      ...ig,
      verify: (r, s) =>
        headerValue(r.headers, "x-hub-signature-256") ? ok({ kind: "delivery" as const }) : ig.verify(r, s),
    },
    INSTAGRAM_FIXTURES.map(({ signature: _s, ...f }) => ({ ...f, bodySigned: false })),
    "fixture.signature_declared",
  ],
  ["an empty fixture list", ig, [], "fixtures.nonempty"],
  [
    "Messenger: echoes read as the user's messages (is_echo ignored)",
    { ...fb, parse: mapParse(fb.parse, (i) => (i.direction === "out" ? { ...i, direction: "in" } : i)) },
    MESSENGER_FIXTURES,
    "parse.directions",
  ],
  [
    "WhatsApp: verify accepts a delivery without X-Hub-Signature-256",
    {
      ...wa,
      verify: (r, s) =>
        r.method === "POST" && headerValue(r.headers, "x-hub-signature-256") === undefined
          ? ok({ kind: "delivery" as const })
          : wa.verify(r, s),
    },
    WHATSAPP_FIXTURES,
    "verify.missing_secret",
  ],
  [
    "WhatsApp: a dedupe key from the phone-number id alone (every delivery of one number collides)",
    {
      ...wa,
      dedupeKey: (b) =>
        wa.dedupeKey(b).ok ? ok(`whatsapp:${/"phone_number_id":"(\d+)"/.exec(b)?.[1]}`) : wa.dedupeKey(b),
    },
    WHATSAPP_FIXTURES,
    "dedupeKey.distinct_deliveries",
  ],
  [
    "bearer token: a request without the token header is accepted",
    telegram((h, s) => {
      const v = headerValue(h, "x-telegram-bot-api-secret-token");
      return v === undefined || constantTimeEqual(s, v);
    }),
    TG_FIXTURES,
    "verify.missing_secret",
  ],
  [
    "bearer token: any token is accepted",
    telegram((h) => headerValue(h, "x-telegram-bot-api-secret-token") !== undefined),
    TG_FIXTURES,
    "verify.wrong_secret",
  ],
  [
    "bearer token: the header is looked up in one letter case",
    telegram((h, s) => constantTimeEqual(s, h["X-Telegram-Bot-Api-Secret-Token"] ?? "")),
    TG_FIXTURES,
    "verify.header_case",
  ],
  [
    "bearer token: compared with !==",
    {
      ...telegram(),
      verify: (req, secret) =>
        headerValue(req.headers, "x-telegram-bot-api-secret-token") !== secret.secret
          ? { ok: false, error: { code: "bad_signature", path: ["headers"], message: "wrong token" } }
          : ok({ kind: "delivery" as const }),
    },
    TG_FIXTURES,
    "verify.constant_time_compare",
  ],
];

describe("runAdapterConformance against broken adapters", () => {
  it("passes the reference adapters and the bearer-token adapter written from the guide", () => {
    for (const [adapter, fixtures] of [
      [ig, INSTAGRAM_FIXTURES],
      [weibo, WEIBO_FIXTURES],
      [douyin, DOUYIN_FIXTURES],
      [x, X_FIXTURES],
      [fb, MESSENGER_FIXTURES],
      [wa, WHATSAPP_FIXTURES],
      [telegram(), TG_FIXTURES],
    ] as const)
      expect(runAdapterConformance(adapter, fixtures).failures).toEqual([]);
  });

  it.each(MUTANTS)("catches %s", (_name, adapter, fixtures, check) => {
    expect(failedIds(adapter, fixtures)).toContain(check);
  });

  it("refuses misuse of the kit itself with typed errors, not TypeErrors", () => {
    for (const [a, f] of [
      [null, []],
      [undefined, []],
      [ig, null],
      [ig, [null]],
      [ig, [{ ...INSTAGRAM_FIXTURES[1], expect: undefined }]],
      [ig, [{ ...INSTAGRAM_FIXTURES[1], name: Number.NaN }]],
    ] as const)
      expect(() => runAdapterConformance(a as never, f as never)).toThrow(
        expect.objectContaining({ code: "invalid_argument" }),
      );
  });
});
