import type { InteractionKind } from "../model/Interaction";
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
import { deepEqual } from "../_lib/deepEqual";
import { handleWebhook } from "../adapter/handleWebhook";

/** What a fixture should produce. */
export type FixtureExpectation =
  | { readonly kind: "challenge"; readonly body?: string }
  | { readonly kind: "delivery"; readonly interactions: number; readonly kinds?: readonly InteractionKind[] }
  | { readonly kind: "failure"; readonly step: "verify" | "parse"; readonly code: AdapterFailureCode };

/**
 * One recorded webhook request for {@link runAdapterConformance}: the request exactly as the
 * platform sends it (signed with `secret`), the parse context, and what it should give.
 * `bodySigned` says that the signature covers the body (Meta, X, Douyin), so that a
 * tampered body must be refused; WeChat and Weibo sign only query parameters.
 */
export interface AdapterFixture {
  readonly name: string;
  readonly request: WebhookRequest;
  readonly secret: WebhookSecret;
  readonly context: ParseContext;
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
 * Adapter-wide: `verify`, `dedupeKey`, `parse` (and `lookups`, `signedAt`) never throw on hostile input (empty,
 * truncated, deeply nested, XXE, invalid UTF-16); `replyPolicy` answers for a fresh DM
 * thread; `toOutbound` returns a `Result` whose request has a relative API path.
 *
 * @param adapter - the adapter under test
 * @param fixtures - recorded requests (at least one delivery is recommended)
 * @returns the report; `passed` is true when every check is ok
 *
 * @example
 * ```ts
 * import { createWeiboAdapter, runAdapterConformance } from "@ops/interaction";
 * const report = runAdapterConformance(createWeiboAdapter(), [{
 *   name: "url check from the Weibo docs",
 *   request: { method: "GET", url: "/wb?nonce=57155157&timestamp=1397022061823&echostr=dnPdpTZz85&signature=90e4c22c90a58f26526c2dd5b6c56c8822edeaa1", headers: {}, body: "" },
 *   secret: { secret: "xyz123xyz" },
 *   context: { channelId: "ch_wb" as never, account: "1902538057", receivedAt: 0 },
 *   expect: { kind: "challenge", body: "dnPdpTZz85" },
 * }]);
 * [report.passed, report.failures];
 * // => [true, []]
 * ```
 */
export function runAdapterConformance(
  adapter: PlatformAdapter,
  fixtures: readonly AdapterFixture[],
): ConformanceReport {
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
    if (fx.bodySigned === true && fx.request.body.length > 0) {
      check("verify.tampered_body", fx.name, () => {
        const r = adapter.verify({ ...fx.request, body: `${fx.request.body} ` }, fx.secret);
        return !r.ok && r.error.code === "bad_signature" ? true : "a tampered body was accepted";
      });
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
    }
  }

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
