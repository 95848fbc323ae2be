import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  actorKey,
  ActorRefSchema,
  createIdFactory,
  createRandom,
  err,
  failure,
  formatInstant,
  formatPath,
  InstantInputSchema,
  InstantSchema,
  isOpsError,
  ok,
  OPS_ERROR_CODES,
  OpsError,
  parseInstant,
  parseOrThrow,
  PlatformSchema,
  Platforms,
  type ActorId,
  type ThreadId,
} from "@ops/core";

describe("OpsError", () => {
  it("names the function, the path and the rule, and keeps the fields", () => {
    const e = new OpsError({
      code: "out_of_range",
      fn: "quantile",
      path: ["p"],
      rule: "must be within [0, 1]",
      received: 1.5,
    });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("OpsError");
    expect(e.message).toBe("quantile: p must be within [0, 1], got 1.5");
    expect([e.code, e.fn, e.path, e.rule, e.received]).toEqual([
      "out_of_range",
      "quantile",
      ["p"],
      "must be within [0, 1]",
      1.5,
    ]);
  });
  it("omits 'got' when no value was received and keeps a cause", () => {
    const cause = new Error("inner");
    const e = new OpsError({ code: "illegal_state", fn: "f", rule: "must not be closed", cause });
    expect(e.message).toBe("f: must not be closed");
    expect(e.cause).toBe(cause);
  });
  it("summarises long, NaN and circular received values safely", () => {
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: "x".repeat(100) }).message).toMatch(
      /got "x+\.\.\.$/,
    );
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: Number.NaN }).message).toBe(
      "f: r, got NaN",
    );
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: circular }).message).toBe(
      "f: r, got [object Object]",
    );
  });
  it("describes a huge received value from its first items, without walking the rest", () => {
    // the hostile suite's long run: a 1 000 000-item array took ~0.5 s to stringify whole, for 57 characters
    const many = Array.from({ length: 1_000_000 }, (_, i) => i);
    const started = performance.now();
    const message = new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: many }).message;
    expect(performance.now() - started).toBeLessThan(1000); // the content below is the real check: 8 items, not 10⁶
    expect(message).toBe('f: r, got [0,1,2,3,4,5,6,7,"… 1000000 items"]');
    expect(
      new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: { nested: ["y".repeat(10_000)] } })
        .message,
    ).toMatch(/^f: r, got \{"nested":\["y+\.\.\.$/);
  });
  it("describes a wide object, or a tree that shares its branches, from its first 64 values", () => {
    // an array of 1 000 objects of 1 000 keys took 1.5 s to JSON.stringify whole, for 57 characters
    const wide = Array.from({ length: 1000 }, () =>
      Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, "v".repeat(50)])),
    );
    let started = performance.now();
    const e = new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: { rows: wide } });
    expect(performance.now() - started).toBeLessThan(200);
    expect(e.message).toMatch(/^f: r, got \{"rows":\[\{"k0":"v+\.\.\.$/);
    // 3^40 paths through 40 shared levels: walked whole, JSON.stringify would never return
    let shared: unknown = 1;
    for (let i = 0; i < 40; i++) shared = { a: shared, b: shared, c: shared };
    started = performance.now();
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: shared }).message).toBe(
      'f: r, got {"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"a":{"...',
    );
    expect(performance.now() - started).toBeLessThan(200);
    // the 65th value is not walked (the getter of a property inside it does not run)
    let reads = 0;
    const inside = {};
    Object.defineProperty(inside, "x", { enumerable: true, get: () => ++reads });
    const many = { ...Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, i])), late: inside };
    new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: many });
    expect(reads).toBe(0);
    const small = { a: 1, b: "x", at: new Date(0) };
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: small }).message).toBe(
      'f: r, got {"a":1,"b":"x","at":"1970-01-01T00:00:00.000Z"}',
    );
    expect(new OpsError({ code: "invalid_argument", fn: "f", rule: "r", received: new Date(Number.NaN) }).message).toBe(
      "f: r, got Invalid Date",
    );
  });
  it("has a documented, duplicate-free code list", () => {
    expect(new Set(OPS_ERROR_CODES).size).toBe(OPS_ERROR_CODES.length);
    expect(Object.isFrozen(OPS_ERROR_CODES)).toBe(true);
  });
});

describe("isOpsError", () => {
  it("recognises errors from another copy of the package by shape", () => {
    const foreign = Object.assign(new Error("m"), { name: "OpsError", code: "duplicate" });
    expect(isOpsError(foreign)).toBe(true);
    expect(isOpsError(foreign, "duplicate")).toBe(true);
    expect(isOpsError(foreign, "conflict")).toBe(false);
    expect(isOpsError({ name: "OpsError", code: "made_up" })).toBe(false);
    expect(isOpsError(null)).toBe(false);
  });
});

describe("formatPath", () => {
  it("renders identifiers, indices and odd keys", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath(["tiers", 1, "名称"])).toBe('tiers[1]["名称"]');
  });
});

describe("Result", () => {
  it("builds both arms and narrows on ok", () => {
    const r = Math.abs(-1) > 0 ? ok(1) : err(failure("never", "never"));
    if (r.ok) expect(r.value).toBe(1);
    else expect.unreachable();
    expect(err(failure("bad_signature", "no", ["headers"]))).toEqual({
      ok: false,
      error: { code: "bad_signature", message: "no", path: ["headers"] },
    });
  });
});

describe("parseOrThrow", () => {
  const Post = z.object({ impressions: z.number().nonnegative({ error: "must be a finite number ≥ 0" }) });
  it("returns the parsed value", () => {
    expect(parseOrThrow(Post, { impressions: 3 }, { fn: "engagementRate", path: ["posts", 0] })).toEqual({
      impressions: 3,
    });
  });
  it("throws invalid_argument naming the function, the full path, the rule and the value", () => {
    expect(() =>
      parseOrThrow(z.array(Post), [{ impressions: 1 }, { impressions: 2 }, { impressions: -3 }], {
        fn: "engagementRate",
        path: ["posts"],
      }),
    ).toThrowOpsError("invalid_argument", {
      fn: "engagementRate",
      path: ["posts", 2, "impressions"],
      message: /^engagementRate: posts\[2\]\.impressions must be a finite number ≥ 0, got -3$/,
    });
  });
  it("reports a missing field as undefined instead of crashing", () => {
    expect(() => parseOrThrow(Post, {}, { fn: "f" })).toThrowOpsError("invalid_argument", {
      message: /^f: impressions .*got undefined$/,
    });
    expect(() => parseOrThrow(Post, null, { fn: "f" })).toThrowOpsError(undefined, { message: /^f: .*got null$/ });
  });
});

describe("parseInstant", () => {
  it.each([
    ["2026-03-08T09:30:00+08:00", "2026-03-08T01:30:00.000Z"],
    ["2026-03-08T01:30:00Z", "2026-03-08T01:30:00.000Z"],
    ["2026-03-08t01:30z", "2026-03-08T01:30:00.000Z"],
    ["2026-03-08 01:30:00.123456789-0500", "2026-03-08T06:30:00.123Z"],
    ["2028-02-29T23:59:59.999+14:00", "2028-02-29T09:59:59.999Z"],
  ])("parses %s", (text, expected) => {
    expect(formatInstant(parseInstant(text))).toBe(expected);
  });
  it.each([
    "2026-03-08T09:30:00",
    "2026-02-29T00:00:00Z",
    "2026-03-08T24:00:00Z",
    "2026-03-08T23:59:60Z",
    "yesterday",
    "2026-03-08T00:00:00+19:00",
    "",
  ])("refuses %s", (text) => {
    expect(() => parseInstant(text)).toThrowOpsError("invalid_argument");
  });
  it("names the calling function when asked", () => {
    expect(() => parseInstant("nope", { fn: "parseWeChat" })).toThrowOpsError(undefined, {
      message: /^parseWeChat: must be an ISO-8601/,
    });
  });
  it("agrees with Date.parse on well-formed UTC strings (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1970-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }),
        (d) => {
          expect(parseInstant(d.toISOString())).toBe(d.getTime());
        },
      ),
    );
  });
});

describe("InstantSchema / InstantInputSchema", () => {
  it("accept epoch ms, ISO text and Dates, and refuse NaN, fractions and out-of-range values", () => {
    expect(InstantInputSchema.parse(0)).toBe(0);
    expect(InstantInputSchema.parse("1970-01-01T00:00:00.001Z")).toBe(1);
    expect(InstantInputSchema.safeParse(new Date(Number.NaN)).success).toBe(false);
    expect(InstantInputSchema.safeParse("2026-01-01").success).toBe(false);
    for (const bad of [Number.NaN, 0.5, Number.POSITIVE_INFINITY, 8.64e15 + 1])
      expect(InstantSchema.safeParse(bad).success).toBe(false);
  });
});

describe("formatInstant", () => {
  it("throws instead of printing 'Invalid Date'", () => {
    expect(() => formatInstant(Number.NaN)).toThrowOpsError("invalid_argument");
  });
});

const SEEDED_NANOID_ID = "XwjEaNI3Rq6HdC6RboJWw";

describe("createIdFactory", () => {
  it("gives the same ids for the same seed and different ids for another seed", () => {
    const a = createIdFactory<"thread">({ generator: createRandom(1) });
    const b = createIdFactory<"thread">({ generator: createRandom(1) });
    const c = createIdFactory<"thread">({ generator: createRandom(2) });
    const ids: ThreadId[] = [a(), a()];
    expect(ids).toEqual([b(), b()]);
    expect(c()).not.toBe(ids[0]);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });
  it("draws ids from a seeded source that never repeat in 10 000, and refuses a missing generator", () => {
    const next = createIdFactory<"actor">({ prefix: "act_", generator: createRandom(7) });
    const seen = new Set<ActorId>();
    for (let i = 0; i < 10_000; i++) seen.add(next());
    expect(seen.size).toBe(10_000);
    expect([...seen][0]).toMatch(/^act_[A-Za-z0-9_-]{21}$/);
    // @ts-expect-error the generator is required: randomness is an argument
    expect(() => createIdFactory({ prefix: "act_" })).toThrowOpsError("invalid_argument", {
      path: ["options", "generator"],
    });
  });
  it("reads the seeded bytes as nanoid 5.1's customRandom does (last byte first), so seeded ids did not change", () => {
    // 21 ints of createRandom(1) through nanoid@5.1.12 customRandom(ID_ALPHABET, 21, …) before nanoid was dropped
    expect(createIdFactory({ generator: createRandom(1) })()).toBe(SEEDED_NANOID_ID);
  });
  it("accepts a custom generator and refuses one that returns nothing", () => {
    let n = 0;
    expect(createIdFactory({ generator: () => `x${++n}` })()).toBe("x1");
    expect(() => createIdFactory({ generator: () => "" })()).toThrowOpsError("invalid_argument");
  });
  it("refuses a bad size or prefix", () => {
    expect(() => createIdFactory({ size: 4, generator: createRandom(1) })).toThrowOpsError("invalid_argument", {
      message: /^createIdFactory: options\.size must be an integer from 8 to 64, got 4$/,
    });
    expect(() => createIdFactory({ prefix: "a b", generator: createRandom(1) })).toThrowOpsError("invalid_argument");
  });
});

describe("createRandom", () => {
  it("is reproducible for numbers and bytes, and bytes differ from their numeric lookalike", () => {
    expect(createRandom(42).next()).toBe(createRandom(42).next());
    expect(createRandom([1, 2, 3]).next()).toBe(createRandom(new Uint8Array([1, 2, 3])).next());
    expect(createRandom([42]).next()).not.toBe(createRandom(42).next());
  });
  it("keeps every byte of a seed (unlike seedrandom with text, where '中' equals '-')", () => {
    const zhong = new TextEncoder().encode("中");
    const dash = new TextEncoder().encode("-");
    expect(createRandom(zhong).next()).not.toBe(createRandom(dash).next());
  });
  it("refuses text, fractional and out-of-range seeds", () => {
    // @ts-expect-error strings are not seeds on purpose
    expect(() => createRandom("seed")).toThrowOpsError("invalid_argument");
    expect(() => createRandom(0.5)).toThrowOpsError("invalid_argument");
    expect(() => createRandom([1, 256])).toThrowOpsError(undefined, {
      message: /^createRandom: seed\[1\] must be a byte \(integer 0–255\), got 256$/,
    });
  });
  it("draws integers uniformly enough: chi-square over 6 faces below the 0.999 critical value", () => {
    const rng = createRandom(7);
    const counts = [0, 0, 0, 0, 0, 0];
    const n = 60_000;
    for (let i = 0; i < n; i++) counts[rng.int(0, 6)]! += 1;
    const expected = n / 6;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(20.515); // scipy.stats.chi2.ppf(0.999, 5)
  });
  it("shuffles without touching the input and keeps every item", () => {
    const items = Object.freeze([1, 2, 3, 4, 5]);
    const shuffled = createRandom(3).shuffle(items);
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });
  it("refuses an empty pick and an empty int range", () => {
    expect(() => createRandom(1).pick([])).toThrowOpsError("invalid_argument");
    expect(() => createRandom(1).int(3, 3)).toThrowOpsError("invalid_argument");
  });
  it("draws normals with the right mean and spread", () => {
    const rng = createRandom(11);
    const xs = Array.from({ length: 20_000 }, () => rng.normal(10, 2));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    expect(Math.abs(mean - 10)).toBeLessThan(0.06); // 4 standard errors: 4·2/√20000
    expect(Math.abs(sd - 2)).toBeLessThan(0.05);
  });
});

describe("PlatformSchema / Platforms / actorKey", () => {
  it("accepts every known platform and integrators' own ids", () => {
    for (const p of Object.values(Platforms)) expect(PlatformSchema.safeParse(p).success).toBe(true);
    expect(PlatformSchema.safeParse("my_forum.v2").success).toBe(true);
    expect(PlatformSchema.safeParse("").success).toBe(false);
    expect(PlatformSchema.safeParse("微博").success).toBe(false);
  });
  it("builds NFC keys so that composed and decomposed user ids match", () => {
    const composed = ActorRefSchema.parse({ platform: "web", userId: "caf\u00e9" });
    const decomposed = ActorRefSchema.parse({ platform: "web", userId: "cafe\u0301" });
    expect(actorKey(composed)).toBe(actorKey(decomposed));
    expect(actorKey(composed)).toBe("web::café");
  });
  it("refuses an actor without a user id", () => {
    expect(ActorRefSchema.safeParse({ platform: "weibo", userId: "" }).success).toBe(false);
  });
});

describe("toThrowOpsError (the shared matcher, vitest.setup.ts)", () => {
  it("checks code, fn, path and message, and fails on a plain error or no error", () => {
    expect(() => parseInstant("nope")).toThrowOpsError("invalid_argument", {
      fn: "parseInstant",
      path: [],
      message: /ISO-8601/,
    });
    expect(() => parseInstant("nope")).not.toThrowOpsError("out_of_range");
    expect(() => parseInstant("nope")).not.toThrowOpsError("invalid_argument", { path: ["x"] });
    expect(() => {
      throw new TypeError("boom");
    }).not.toThrowOpsError();
    expect(() => 1).not.toThrowOpsError();
  });
});
