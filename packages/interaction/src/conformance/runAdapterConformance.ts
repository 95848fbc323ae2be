import { OpsError } from "@ops/core";
import type { Direction, InteractionKind } from "../model/Interaction";
import { InteractionSchema } from "../model/Interaction";
import type {
  AdapterFailureCode,
  ParseContext,
  PlatformAdapter,
  WebhookRequest,
  WebhookSecret,
} from "../adapter/PlatformAdapter";
import { ThreadSchema } from "../model/Thread";
import { checkWith } from "../_lib/checkWith";
import { deepEqual } from "./_lib/deepEqual";
import { handleWebhook } from "../adapter/handleWebhook";
import { replyPolicy } from "../replyWindow/replyPolicy";
import { bodyVariants, comparesSecretPlainly, essence } from "./_lib/mutations";

/** What a fixture should produce. */
export type FixtureExpectation =
  | { readonly kind: "challenge"; readonly body?: string }
  | {
      readonly kind: "delivery";
      readonly interactions: number;
      readonly kinds?: readonly InteractionKind[];
      readonly directions?: readonly Direction[];
    }
  | { readonly kind: "failure"; readonly step: "verify" | "parse"; readonly code: AdapterFailureCode };

/**
 * What a platform's signature covers, which decides the kit's tamper checks:
 * `"body"` — a hash or HMAC over the raw body in a header (Meta, X, Douyin): a tampered
 * body, a missing header and a header in another letter case are tried; `"query"` — a
 * signature over query parameters only (WeChat, Weibo): a request without its query and
 * one with a changed digit parameter (timestamp, nonce) are tried; `"token"` — a bearer
 * secret in a header, not a signature over the body (Telegram's
 * `X-Telegram-Bot-Api-Secret-Token`, a shared API key): a missing header, a wrong token
 * (the wrong-secret check) and a header in another case are tried.
 */
export type SignatureScheme = "body" | "query" | "token";

/**
 * One recorded webhook request for {@link runAdapterConformance}: the request exactly as the
 * platform sends it (signed with `secret`), the parse context, and what it should give.
 * A delivery fixture must say what its signature covers: `signature` (see
 * {@link SignatureScheme}), or the older `bodySigned: true` (= `"body"`). `bodySigned: false`
 * alone no longer turns the tamper checks off silently: it fails `fixture.signature_declared`.
 */
export interface AdapterFixture {
  readonly name: string;
  readonly request: WebhookRequest;
  readonly secret: WebhookSecret;
  readonly context: ParseContext;
  readonly signature?: SignatureScheme;
  /** @deprecated use `signature: "body"`; `true` means `"body"`. */
  readonly bodySigned?: boolean;
  readonly expect: FixtureExpectation;
}

/** One check of the conformance run: its id, the fixture it ran on (null for adapter-wide checks), result and message. */
export interface ConformanceCheck {
  readonly id: string;
  readonly fixture: string | null;
  readonly ok: boolean;
  readonly message: string;
}

/** The typed result of {@link runAdapterConformance}. */
export interface ConformanceReport {
  readonly platform: string;
  readonly passed: boolean;
  readonly checks: readonly ConformanceCheck[];
  /** The failed checks only. */
  readonly failures: readonly ConformanceCheck[];
}

/** Hostile inputs every adapter must answer with a typed result. */
const GARBAGE: readonly string[] = [
  "",
  " ",
  "null",
  "[]",
  "{}",
  "0",
  '"x"',
  '{"entry":null,"event":1,"type":[]}',
  "<xml>",
  "<xml><MsgType>event</MsgType></xml>",
  '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml>&x;</xml>',
  "[".repeat(5000),
  '{"a":'.repeat(2000),
  "\u0000\uFFFF\uD800",
];

/**
 * Runs an adapter against recorded fixtures and a set of hostile inputs and returns a
 * typed report — plain data, not tied to any test runner, so an integrator can assert
 * `report.passed` in vitest, jest or a CI script, or print `report.failures`.
 *
 * Per fixture: `verify` gives the expected outcome; a wrong secret is refused (or, for a
 * handshake, gives a different answer); a tampered body is refused when `bodySigned`;
 * `dedupeKey` is deterministic; `parse` gives the expected number and kinds of
 * interactions, each valid under `InteractionSchema`, with unique ids, the context's
 * `channelId` / `receivedAt`, the adapter's platform, and the same result on a second run;
 * when the adapter has `signedAt`, a delivery replayed a day later is `stale_request`; when
 * it has `lookups`, they are deterministic GETs with relative paths.
 * Signatures, per delivery fixture and its declared {@link SignatureScheme}:
 * `verify.missing_secret` (no header / no signed query), `verify.tampered_body`,
 * `verify.tampered_query`, `verify.header_case` (header names in upper, lower and title
 * case), `verify.wrong_secret` (also the wrong bearer token), `fixture.signature_declared`.
 * Deliveries: `dedupeKey.distinct_deliveries` (each variant of the body with one value
 * changed that parses to other interactions gets another key, and changed events other
 * ids: catches constant keys, keys shared across chats, sender+second keys),
 * `dedupeKey.unknown_event`, `parse.retry_stable` (ids of the same body received a minute
 * later), `parse.timestamps_ms`, `parse.reply_links`, `parse.directions` (when the fixture
 * lists them). Adapter-wide: `fixtures.nonempty` (at least one delivery with interactions),
 * `parse.directions_mixed`, `verify.constant_time_compare` (the source of `verify` must not
 * compare a signature with `===`; a heuristic — see the adapter guide), `robust.hostile_input`
 * (never throws; a key is 1–512 characters), `robust.body_limits` (10 MB and 100 000-deep
 * bodies refused), `replyPolicy.answers` (equal to `replyPolicy(thread, adapter.policy, now)`
 * from +1 ms to +400 days), `toOutbound.result`.
 *
 * @param adapter - the adapter under test
 * @param fixtures - recorded requests (at least one delivery is recommended)
 * @returns the report; `passed` is true when every check is ok
 * @throws OpsError `invalid_argument` when `adapter` is not a PlatformAdapter or a fixture
 *   breaks the {@link AdapterFixture} shape (misuse of the kit; a broken adapter is a failed check)
 *
 * @example
 * ```ts
 * import { createWeiboAdapter } from "@ops/interaction/adapters";
 * import { runAdapterConformance } from "@ops/interaction/conformance";
 * const report = runAdapterConformance(createWeiboAdapter(), [{
 *   name: "url check from the Weibo docs",
 *   request: { method: "GET", url: "/wb?nonce=57155157&timestamp=1397022061823&echostr=dnPdpTZz85&signature=90e4c22c90a58f26526c2dd5b6c56c8822edeaa1", headers: {}, body: "" },
 *   secret: { secret: "xyz123xyz" },
 *   context: { channelId: "ch_wb" as never, account: "1902538057", receivedAt: 0 },
 *   expect: { kind: "challenge", body: "dnPdpTZz85" },
 * }]);
 * // a handshake alone proves nothing about deliveries: the kit asks for one
 * [report.passed, report.failures.map((f) => f.id)];
 * // => [false, ["fixtures.nonempty"]]
 * ```
 */
export function runAdapterConformance(
  adapter: PlatformAdapter,
  fixtures: readonly AdapterFixture[],
): ConformanceReport {
  checkArguments(adapter, fixtures);
  const checks: ConformanceCheck[] = [];
  const check = (id: string, fixture: string | null, f: () => true | string): void => {
    try {
      const r = f();
      checks.push({ id, fixture, ok: r === true, message: r === true ? "ok" : r });
    } catch (e) {
      checks.push({
        id,
        fixture,
        ok: false,
        message: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
      });
    }
  };

  for (const fx of fixtures) {
    const exp = fx.expect;
    check("verify.expected", fx.name, () => {
      const r = adapter.verify(fx.request, fx.secret);
      if (exp.kind === "failure" && exp.step === "verify")
        return !r.ok && r.error.code === exp.code
          ? true
          : `expected verify to fail with ${exp.code}, got ${JSON.stringify(r.ok ? r.value : r.error)}`;
      if (!r.ok) return `verify failed: ${r.error.code} ${r.error.message}`;
      if (exp.kind === "challenge") {
        if (r.value.kind !== "challenge") return "expected a challenge answer";
        return exp.body === undefined || r.value.response.body === exp.body
          ? true
          : `challenge answered ${JSON.stringify(r.value.response.body)}, expected ${JSON.stringify(exp.body)}`;
      }
      return r.value.kind === "delivery" ? true : "expected a delivery, got a challenge";
    });
    if (!(exp.kind === "failure" && exp.step === "verify")) {
      check("verify.wrong_secret", fx.name, () => {
        const good = adapter.verify(fx.request, fx.secret);
        const r = adapter.verify(fx.request, {
          ...fx.secret,
          secret: `${fx.secret.secret}x`,
          ...(fx.secret.verifyToken !== undefined ? { verifyToken: `${fx.secret.verifyToken}x` } : {}),
        });
        if (!r.ok)
          return r.error.code === "bad_signature" ? true : `refused with ${r.error.code}, expected bad_signature`;
        return good.ok && !deepEqual(good.value, r.value) ? true : "a wrong secret was accepted";
      });
    }
    const scheme: SignatureScheme | undefined = fx.signature ?? (fx.bodySigned === true ? "body" : undefined);
    const isDelivery = exp.kind === "delivery" || (exp.kind === "failure" && exp.step === "parse");
    if (isDelivery) {
      check("fixture.signature_declared", fx.name, () =>
        scheme !== undefined
          ? true
          : 'a delivery fixture must say what its signature covers: signature "body", "query" or "token" (bodySigned: false turns no check off)',
      );
    }
    const accepted = (request: WebhookRequest): boolean => {
      const r = adapter.verify(request, fx.secret);
      return r.ok && r.value.kind === "delivery";
    };
    if (isDelivery && scheme !== undefined && accepted(fx.request)) {
      check("verify.missing_secret", fx.name, () => {
        const stripped =
          scheme === "query"
            ? { ...fx.request, url: fx.request.url.split("?")[0] as string }
            : { ...fx.request, headers: {} };
        const r = adapter.verify(stripped, fx.secret);
        return !r.ok && r.error.code === "bad_signature"
          ? true
          : `a request without its ${scheme === "query" ? "signed query" : "secret header"} was ${r.ok ? "accepted" : `refused with ${r.error.code}`}, expected bad_signature`;
      });
      if (scheme === "body" && fx.request.body.length > 0) {
        check("verify.tampered_body", fx.name, () => {
          const r = adapter.verify({ ...fx.request, body: `${fx.request.body} ` }, fx.secret);
          return !r.ok && r.error.code === "bad_signature" ? true : "a tampered body was accepted";
        });
      }
      if (scheme === "query") {
        check("verify.tampered_query", fx.name, () => {
          const [path, q = ""] = fx.request.url.split("?") as [string, string?];
          const params = new URLSearchParams(q);
          const names = [...params.keys()].filter((k) => /^\d+$/.test(params.get(k) ?? ""));
          if (names.length === 0) return "a query-signed delivery should carry a signed timestamp or nonce";
          for (const name of names) {
            const p = new URLSearchParams(q);
            const v = p.get(name) as string;
            p.set(name, `${v.slice(0, -1)}${(Number(v.at(-1)) + 1) % 10}`);
            if (accepted({ ...fx.request, url: `${path}?${p.toString()}` })) return `a changed ${name} was accepted`;
          }
          return true;
        });
      }
      if ((scheme === "body" || scheme === "token") && Object.keys(fx.request.headers).length > 0) {
        check("verify.header_case", fx.name, () => {
          for (const f of [(k: string) => k.toUpperCase(), (k: string) => k.toLowerCase(), titleCase]) {
            const headers = Object.fromEntries(Object.entries(fx.request.headers).map(([k, v]) => [f(k), v]));
            if (!accepted({ ...fx.request, headers }))
              return `header names are case-insensitive (RFC 9110): the request was refused with ${Object.keys(headers).join(", ")}`;
          }
          return true;
        });
      }
    }
    const signedAt = adapter.signedAt;
    if (signedAt !== undefined && exp.kind === "delivery") {
      check("signedAt.replay_refused", fx.name, () => {
        const at = signedAt(fx.request);
        if (!at.ok) return `signedAt failed on a delivery: ${at.error.code} ${at.error.message}`;
        if (at.value === null) return "signedAt found no signed time in a delivery of a platform that signs one";
        const late = handleWebhook(adapter, fx.request, fx.secret, {
          ...fx.context,
          receivedAt: at.value + 86_400_000,
        });
        return !late.ok && late.error.code === "stale_request"
          ? true
          : `a delivery replayed a day later was ${late.ok ? "accepted" : `refused with ${late.error.code}`}, expected stale_request`;
      });
    }
    if (exp.kind === "delivery" || (exp.kind === "failure" && exp.step === "parse")) {
      check("dedupeKey.deterministic", fx.name, () => {
        const a = adapter.dedupeKey(fx.request.body);
        const b = adapter.dedupeKey(fx.request.body);
        if (!deepEqual(a, b)) return "two calls gave different keys";
        if (exp.kind === "delivery" && !a.ok) return `no key for a delivery: ${a.error.code} ${a.error.message}`;
        return a.ok ? (a.value.length > 0 && a.value.length <= 512 ? true : "key must be 1–512 characters") : true;
      });
      check("parse.expected", fx.name, () => {
        const r = adapter.parse(fx.request.body, fx.context);
        if (exp.kind === "failure")
          return !r.ok && r.error.code === exp.code
            ? true
            : `expected parse to fail with ${exp.code}, got ${r.ok ? `${r.value.length} interactions` : r.error.code}`;
        if (!r.ok) return `parse failed: ${r.error.code} ${r.error.message}`;
        if (r.value.length !== exp.interactions)
          return `expected ${exp.interactions} interactions, got ${r.value.length}`;
        if (
          exp.kinds !== undefined &&
          !deepEqual(
            r.value.map((x) => x.kind),
            [...exp.kinds],
          )
        )
          return `expected kinds ${exp.kinds.join(",")}, got ${r.value.map((x) => x.kind).join(",")}`;
        const ids = new Set<string>();
        for (const [i, x] of r.value.entries()) {
          const v = checkWith(InteractionSchema, x);
          if (!v.ok) return `interaction ${i} breaks InteractionSchema: ${v.path.join(".") || "value"} ${v.rule}`;
          if (ids.has(x.id)) return `interaction ${i} repeats id ${x.id}`;
          ids.add(x.id);
          if (x.channelId !== fx.context.channelId)
            return `interaction ${i} has channelId ${x.channelId}, expected the context's`;
          if (x.receivedAt !== fx.context.receivedAt)
            return `interaction ${i} has receivedAt ${x.receivedAt}, expected the context's`;
          if (x.actor.platform !== adapter.platform)
            return `interaction ${i} has actor.platform ${x.actor.platform}, expected ${adapter.platform}`;
        }
        return true;
      });
      if (adapter.lookups !== undefined && exp.kind === "delivery") {
        const lookups = adapter.lookups.bind(adapter);
        check("lookups.result", fx.name, () => {
          const a = lookups(fx.request.body);
          if (!deepEqual(a, lookups(fx.request.body))) return "two calls gave different lookups";
          if (!a.ok) return `lookups failed on a delivery: ${a.error.code} ${a.error.message}`;
          for (const l of a.value) {
            if (l.request.method !== "GET" || !l.request.path.startsWith("/") || l.request.path.includes("://"))
              return "a lookup must be a GET with a relative API path";
          }
          return true;
        });
      }
      check("parse.deterministic", fx.name, () =>
        deepEqual(adapter.parse(fx.request.body, fx.context), adapter.parse(fx.request.body, fx.context))
          ? true
          : "two calls gave different results",
      );
      check("dedupeKey.unknown_event", fx.name, () => {
        const p = adapter.parse(fx.request.body, fx.context);
        const k = adapter.dedupeKey(fx.request.body);
        if (!p.ok && p.error.code === "unknown_event" && !k.ok && k.error.code !== "unknown_event")
          return `parse says unknown_event but dedupeKey says ${k.error.code}: an unknown event must be unknown_event whichever step meets it first`;
        if (!k.ok && k.error.code === "unknown_event" && p.ok)
          return "dedupeKey says unknown_event for a delivery parse reads";
        return true;
      });
    }
    if (exp.kind === "delivery") {
      check("parse.retry_stable", fx.name, () => {
        const a = adapter.parse(fx.request.body, fx.context);
        const later = { ...fx.context, receivedAt: fx.context.receivedAt + 60_000 };
        const b = adapter.parse(fx.request.body, later);
        if (!a.ok || !b.ok) return "parse failed on a retry received a minute later";
        return deepEqual(
          a.value.map((x) => x.id),
          b.value.map((x) => x.id),
        )
          ? true
          : "a retry (the same body received a minute later) gave other interaction ids: never derive ids from receivedAt";
      });
      check("parse.timestamps_ms", fx.name, () => {
        const r = adapter.parse(fx.request.body, fx.context);
        if (!r.ok) return true;
        for (const [i, x] of r.value.entries())
          if (fx.context.receivedAt >= 1e11 && Math.abs(x.platformCreatedAt) < 1e11)
            return `interaction ${i} has platformCreatedAt ${x.platformCreatedAt}: seconds read as milliseconds (times are epoch ms)`;
        return true;
      });
      check("parse.reply_links", fx.name, () => {
        const r = adapter.parse(fx.request.body, fx.context);
        if (!r.ok) return true;
        const bad = r.value.findIndex((x) => x.kind === "reply" && x.inReplyTo === undefined);
        return bad < 0 ? true : `interaction ${bad} is a reply without inReplyTo: threads cannot be built`;
      });
      if (exp.directions !== undefined) {
        const want = exp.directions;
        check("parse.directions", fx.name, () => {
          const r = adapter.parse(fx.request.body, fx.context);
          const got = r.ok ? r.value.map((x) => x.direction) : [];
          return deepEqual(got, [...want]) ? true : `expected directions ${want.join(",")}, got ${got.join(",")}`;
        });
      }
      check("dedupeKey.distinct_deliveries", fx.name, () => distinctDeliveries(adapter, fx));
    }
  }

  check("fixtures.nonempty", null, () =>
    fixtures.some((f) => f.expect.kind === "delivery" && f.expect.interactions > 0)
      ? true
      : "the kit needs at least one recorded delivery that parses to interactions: an empty fixture list proves nothing",
  );

  check("parse.directions_mixed", null, () => {
    const all = fixtures.flatMap((f) => {
      const r = f.expect.kind === "delivery" ? adapter.parse(f.request.body, f.context) : null;
      return r?.ok ? r.value : [];
    });
    if (all.length < 2) return true;
    const dirs = new Set(all.map((x) => x.direction));
    return dirs.size === 1 && dirs.has("out")
      ? "every interaction of every fixture is outbound: users' messages must be direction in (record at least one)"
      : true;
  });

  check("verify.constant_time_compare", null, () =>
    comparesSecretPlainly(Function.prototype.toString.call(adapter.verify))
      ? "verify compares a signature or secret with ===/!==: use constantTimeEqual (the response time of === tells an attacker how much of a forged signature was right)"
      : true,
  );

  check("robust.hostile_input", null, () => {
    const bodies = [...GARBAGE, ...fixtures.map((f) => f.request.body.slice(0, Math.floor(f.request.body.length / 2)))];
    const ctx = fixtures[0]?.context ?? {
      channelId: "ch_conformance" as ParseContext["channelId"],
      account: "acct",
      receivedAt: 0,
    };
    for (const body of bodies) {
      const request = { method: "POST", url: `/hook?signature=${body.length}&timestamp=1&nonce=2`, headers: {}, body };
      const optional = [
        ...(adapter.lookups === undefined ? [] : [adapter.lookups(body)]),
        ...(adapter.signedAt === undefined ? [] : [adapter.signedAt(request)]),
      ];
      for (const r of [
        adapter.parse(body, ctx),
        adapter.dedupeKey(body),
        adapter.verify(request, { secret: "s" }),
        ...optional,
      ]) {
        if (typeof r !== "object" || r === null || typeof r.ok !== "boolean")
          return `returned a non-Result for ${JSON.stringify(body.slice(0, 40))}`;
      }
      const key = adapter.dedupeKey(body);
      if (key.ok && (typeof key.value !== "string" || key.value.length === 0 || key.value.length > 512))
        return `dedupeKey gave ${JSON.stringify(key.value)} for ${JSON.stringify(body.slice(0, 40))}: a key is 1–512 characters, or a failure`;
    }
    return true;
  });

  check("robust.body_limits", null, () => {
    const ctx = fixtures[0]?.context ?? {
      channelId: "ch_conformance" as ParseContext["channelId"],
      account: "acct",
      receivedAt: 0,
    };
    const huge = `{"pad":"${"x".repeat(10_000_000)}"}`;
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const deepObject = `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`;
    for (const [label, body] of [
      ["a 10 MB body", huge],
      ["a body nested 100 000 deep", deep],
      ["an object nested 100 000 deep", deepObject],
    ] as const) {
      const r = adapter.parse(body, ctx);
      if (r.ok) {
        try {
          JSON.stringify(r.value);
        } catch {
          return `parse accepted ${label} and its result cannot be serialised`;
        }
        return `parse accepted ${label}: refuse it before parsing (WEBHOOK_BODY_LIMITS, checkWebhookBody)`;
      }
      const k = adapter.dedupeKey(body);
      if (k.ok) return `dedupeKey accepted ${label}`;
    }
    return true;
  });

  check("replyPolicy.answers", null, () => {
    const at = fixtures[0]?.context.receivedAt ?? 0;
    const thread = ThreadSchema.parse({
      id: "thr_conformance",
      channelId: fixtures[0]?.context.channelId ?? "ch_conformance",
      type: "dm",
      status: "open",
      createdAt: at,
      waitingSince: at,
      firstReplyAt: null,
      lastInboundAt: at,
      lastInboundKind: "dm",
      lastOutboundAt: null,
      replyWindowEvents: [{ kind: "dm", at, sentSince: 0 }],
    });
    const d = adapter.replyPolicy(thread, at + 1);
    if (typeof d.allowed !== "boolean" || !Array.isArray(d.alternatives))
      return "replyPolicy must return a ReplyDecision";
    if (d.allowed && d.until !== null && d.until <= at + 1) return "an allowed reply must have until after now";
    // the answer must come from the adapter's policy data, at any time (not a hard-coded decision)
    const policy = adapter.policy;
    if (policy !== null) {
      for (const later of [at + 1, at + 3_600_000, at + 2 * 86_400_000, at + 400 * 86_400_000]) {
        const got = adapter.replyPolicy(thread, later);
        const want = replyPolicy(thread, policy, later);
        if (got.allowed !== want.allowed || got.code !== want.code || got.until !== want.until)
          return `replyPolicy at +${Math.round((later - at) / 3_600_000)} h answered ${got.code} (allowed ${got.allowed}), its policy ${policy.id} says ${want.code}: answer from adapter.policy with replyPolicy(thread, policy, now)`;
      }
    }
    return true;
  });

  check("toOutbound.result", null, () => {
    const sample = fixtures
      .flatMap((f) => {
        const r = f.expect.kind === "delivery" ? adapter.parse(f.request.body, f.context) : null;
        return r?.ok ? r.value : [];
      })
      .find((x) => x.direction === "in");
    if (sample === undefined) return true;
    for (const surface of ["message", "public_reply", "private_reply"] as const) {
      const r = adapter.toOutbound({ surface, to: sample.actor, inReplyTo: sample, text: "谢谢反馈，我们马上处理。" });
      if (typeof r !== "object" || r === null || typeof r.ok !== "boolean")
        return `toOutbound(${surface}) did not return a Result`;
      if (
        r.ok &&
        (r.value.method !== "POST" ||
          !r.value.path.startsWith("/") ||
          r.value.path.includes("://") ||
          typeof r.value.body !== "string")
      ) {
        return `toOutbound(${surface}) must give a POST with a relative API path and a text body`;
      }
    }
    const bad = adapter.toOutbound({ surface: "message", to: sample.actor, text: "" } as never);
    return bad.ok ? "toOutbound accepted an empty text" : true;
  });

  const failures = checks.filter((c) => !c.ok);
  return { platform: adapter.platform, passed: failures.length === 0, checks, failures };
}

function titleCase(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/**
 * Two distinct deliveries never share a dedupe key, and distinct events never share an
 * interaction id: each variant of the fixture body (one value changed) that still parses
 * to other interactions must get another key; an interaction whose identity changed (its
 * kind, author, target, conversation, time or text — or its platform `nativeId`) must get
 * another id, unless it keeps its platform `nativeId` (a platform id names the item) or is
 * the recall of the same message.
 */
function distinctDeliveries(adapter: PlatformAdapter, fx: AdapterFixture): true | string {
  const v = bodyVariants(fx.request.body);
  if (v === null) return true;
  const base = adapter.parse(v.base, fx.context);
  const baseKey = adapter.dedupeKey(v.base);
  if (!base.ok || !baseKey.ok) return true;
  for (const body of v.variants) {
    const r = adapter.parse(body, fx.context);
    if (!r.ok || r.value.length === 0) continue;
    const same = deepEqual(r.value.map(essence), base.value.map(essence));
    if (same) continue;
    const key = adapter.dedupeKey(body);
    if (key.ok && key.value === baseKey.value)
      return `two distinct deliveries share the dedupe key ${key.value} (the second would be dropped as a duplicate): key on the event type and the body's digest (deliveryKey)`;
    for (const [i, x] of r.value.entries()) {
      const y = base.value[i];
      if (y === undefined || x.id !== y.id) continue;
      if (x.nativeId !== undefined && x.nativeId === y.nativeId) continue;
      if (x.kind === "recall" && deepEqual(x.target, y.target)) continue;
      const { id: _a, ...ex } = essence(x);
      const { id: _b, ...ey } = essence(y);
      if (!deepEqual(ex, ey))
        return `two distinct events share the interaction id ${x.id}: derive ids from the platform's ids, or from a digest of the event`;
    }
  }
  return true;
}

/** Misuse of the kit itself is an OpsError naming the argument (a broken adapter is a failed check instead). */
function checkArguments(adapter: unknown, fixtures: unknown): void {
  const fn = "runAdapterConformance";
  const a = adapter as Partial<PlatformAdapter> | null;
  if (typeof a !== "object" || a === null)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["adapter"],
      rule: "must be a PlatformAdapter object",
      received: adapter,
    });
  for (const m of ["verify", "dedupeKey", "parse", "replyPolicy", "toOutbound"] as const)
    if (typeof a[m] !== "function")
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["adapter", m],
        rule: "must be a function",
        received: a[m],
      });
  if (typeof a.platform !== "string")
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["adapter", "platform"],
      rule: "must be the platform id (text)",
      received: a.platform,
    });
  if (!Array.isArray(fixtures))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["fixtures"],
      rule: "must be an array of fixtures",
      received: fixtures,
    });
  if (fixtures.length > 1000)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["fixtures"],
      rule: "must hold at most 1000 fixtures",
      received: fixtures.length,
    });
  for (let i = 0; i < fixtures.length; i++) {
    const f: unknown = fixtures[i];
    const x = f as Partial<AdapterFixture> | null;
    const bad = (field: string, rule: string, received: unknown): never => {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["fixtures", i, ...(field ? [field] : [])],
        rule,
        received,
      });
    };
    if (typeof x !== "object" || x === null) bad("", "must be a fixture object", f);
    const fx = x as Partial<AdapterFixture>;
    if (typeof fx.name !== "string" || fx.name.length === 0 || fx.name.length > 256)
      bad("name", "must be a name of 1–256 characters", fx.name);
    const req = fx.request as Partial<WebhookRequest> | undefined;
    if (
      typeof req !== "object" ||
      req === null ||
      typeof req.method !== "string" ||
      typeof req.url !== "string" ||
      typeof req.body !== "string" ||
      typeof req.headers !== "object" ||
      req.headers === null
    )
      bad("request", "must be { method, url, headers, body } with string fields", fx.request);
    const sec = fx.secret as Partial<WebhookSecret> | undefined;
    if (typeof sec !== "object" || sec === null || typeof sec.secret !== "string")
      bad("secret", "must be { secret: string, verifyToken? }", fx.secret);
    const ctx = fx.context as Partial<ParseContext> | undefined;
    if (
      typeof ctx !== "object" ||
      ctx === null ||
      typeof ctx.channelId !== "string" ||
      typeof ctx.account !== "string" ||
      typeof ctx.receivedAt !== "number" ||
      !Number.isSafeInteger(ctx.receivedAt)
    )
      bad("context", "must be { channelId, account, receivedAt (epoch ms) }", fx.context);
    const e = fx.expect as Partial<FixtureExpectation> | undefined;
    if (
      typeof e !== "object" ||
      e === null ||
      !(typeof e.kind === "string" && ["challenge", "delivery", "failure"].includes(e.kind))
    )
      bad("expect", 'must be { kind: "challenge" | "delivery" | "failure", … }', fx.expect);
    const ex = e as FixtureExpectation;
    if (ex.kind === "delivery" && (!Number.isSafeInteger(ex.interactions) || ex.interactions < 0))
      bad("expect", "interactions must be a whole number ≥ 0", ex.interactions);
    if (ex.kind === "failure" && ex.step !== "verify" && ex.step !== "parse")
      bad("expect", 'step must be "verify" or "parse"', ex.step);
    if (
      fx.signature !== undefined &&
      !(typeof fx.signature === "string" && ["body", "query", "token"].includes(fx.signature))
    )
      bad("signature", 'must be "body", "query" or "token"', fx.signature);
  }
}
