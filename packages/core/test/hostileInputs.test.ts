// Issue 20, hostile inputs: every refusal is an OpsError naming the field — never a TypeError
// from inside, never NaN or ±Infinity. `options: null` is refused like any other non-object
// (the rule of every @ops/core function with options; omitted options are `{}`).
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  actorKey,
  addLocalDays,
  compileTimeZone,
  createIdFactory,
  createRandom,
  formatLocalDateTime,
  formatPath,
  fromLocalParts,
  fromWallClock,
  localParts,
  OpsError,
  parseInstant,
  parseOrThrow,
  startOfLocalWeek,
  verification,
  zoneOffset,
} from "@ops/core";

describe("OpsError", () => {
  it("refuses an init that is not an object, with an OpsError of its own", () => {
    expect(() => new OpsError(undefined as never)).toThrowOpsError("invalid_argument", { path: ["init"] });
    expect(() => new OpsError(-(2 ** 53) as never)).toThrowOpsError("invalid_argument");
  });
  it("refuses a code, fn or rule that is not a string; a bad path is refused by formatPath", () => {
    const base = { code: "invalid_argument", fn: "f", rule: "must be x" } as const;
    const init = { path: ["init"], message: /^OpsError: init must be \{ code, fn, rule \}/ };
    expect(() => new OpsError({ ...base, fn: Symbol() as never })).toThrowOpsError("invalid_argument", init);
    expect(() => new OpsError({ ...base, rule: Object.create(null) })).toThrowOpsError("invalid_argument", init);
    expect(() => new OpsError({ ...base, code: 5 as never })).toThrowOpsError("invalid_argument", init);
    const path = { message: /^formatPath: path must be strings and numbers/ };
    expect(() => new OpsError({ ...base, path: 5 as never })).toThrowOpsError("invalid_argument", path);
    expect(() => new OpsError({ ...base, path: ["a", 10n as never] })).toThrowOpsError("invalid_argument", path);
  });
});

describe("formatPath", () => {
  it("refuses a path that is not an array of strings and numbers", () => {
    const refused = { message: /^formatPath: path must be strings and numbers/ };
    expect(() => formatPath(undefined as never)).toThrowOpsError("invalid_argument", refused);
    expect(() => formatPath([Symbol() as never])).toThrowOpsError("invalid_argument", refused);
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => formatPath([deep as never])).toThrowOpsError("invalid_argument");
  });
});

describe("actorKey", () => {
  it("refuses a missing ref and a field that is not a string", () => {
    expect(() => actorKey(null as never)).toThrowOpsError("invalid_argument", { path: ["ref"] });
    expect(() => actorKey({ platform: "weibo", scope: Symbol() as never, userId: "1" })).toThrowOpsError(
      "invalid_argument",
      { path: ["ref", "scope"] },
    );
  });
});

describe("createIdFactory", () => {
  it("refuses options that are not an object and a prefix that is not a string", () => {
    expect(() => createIdFactory(null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(() => createIdFactory({ prefix: Object.create(null), generator: () => "x" })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "prefix"] },
    );
  });
});

describe("createRandom", () => {
  const random = () => createRandom(1);
  it("pick and shuffle refuse what is not an array", () => {
    expect(() => random().pick(null as never)).toThrowOpsError("invalid_argument", { path: ["items"] });
    expect(() => random().shuffle(5 as never)).toThrowOpsError("invalid_argument", { path: ["items"] });
  });
  it("normal refuses parameters whose result could be NaN or ±Infinity", () => {
    expect(() => random().normal(Number.NaN)).toThrowOpsError("invalid_argument", { path: ["mean"] });
    expect(() => random().normal(0, Number.POSITIVE_INFINITY)).toThrowOpsError("invalid_argument", { path: ["sd"] });
    expect(() => random().normal(0, -1)).toThrowOpsError("invalid_argument", { path: ["sd"] });
    expect(() => random().normal(10n as never)).toThrowOpsError("invalid_argument", { path: ["mean"] });
  });
  it("normal stays finite at the largest allowed parameters", () => {
    const r = random();
    for (let i = 0; i < 1000; i++) expect(Number.isFinite(r.normal(1e300, 1e300))).toBe(true);
  });
});

describe("verification and parseOrThrow", () => {
  it("verification refuses failures that are not an array", () => {
    expect(() => verification(1, undefined as never)).toThrowOpsError("invalid_argument", { path: ["failures"] });
  });
  it("parseOrThrow refuses what is not a zod schema; options that are not { fn, path? } at a refusal", () => {
    const schema = { path: ["schema"], message: /^parseOrThrow: schema must be a zod 4 schema/ };
    expect(() => parseOrThrow(undefined as never, 1, { fn: "f" })).toThrowOpsError("invalid_argument", schema);
    expect(() => parseOrThrow({ _zod: {} } as never, 1, { fn: "f" })).toThrowOpsError("invalid_argument", schema);
    // the refusal's own OpsError refuses options that are not { fn, path? }: never a TypeError
    expect(() => parseOrThrow(z.number(), "x", null as never)).toThrowOpsError("invalid_argument", { path: ["init"] });
    expect(() => parseOrThrow(z.number(), "x", { fn: "f", path: {} as never })).toThrowOpsError("invalid_argument");
  });
});

describe("parseOrThrow with a large array", () => {
  it("stops at the first bad item of a million, naming it", () => {
    const t = performance.now();
    const values: unknown[] = new Array(1_000_000).fill("x");
    expect(() => parseOrThrow(z.array(z.number()), values, { fn: "f", path: ["values"] })).toThrowOpsError(
      "invalid_argument",
      { path: ["values", 0] },
    );
    const late = new Array(2000).fill(1);
    late[1500] = Number.NaN;
    expect(() => parseOrThrow(z.array(z.number()), late, { fn: "f" })).toThrowOpsError("invalid_argument", {
      path: [1500],
    });
    expect(performance.now() - t).toBeLessThan(1000);
  });
  it("returns zod's output and still applies the array's own checks", () => {
    expect(parseOrThrow(z.array(z._default(z.number(), 7)), new Array(2000).fill(undefined), { fn: "f" })[1999]).toBe(
      7,
    );
    expect(() =>
      parseOrThrow(z.array(z.number()).check(z.maxLength(1500)), new Array(2000).fill(1), { fn: "f" }),
    ).toThrowOpsError("invalid_argument", { message: /must have at most 1500 items/ });
  });
});

describe("options: null", () => {
  it("is refused like any non-object, while omitted options are the defaults", () => {
    const t = parseInstant("2026-03-11T04:00:00Z");
    expect(() => startOfLocalWeek(t, "UTC", null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(() => fromLocalParts({ year: 2026, month: 3, day: 8 }, "UTC", null as never)).toThrowOpsError(
      "invalid_argument",
      { path: ["options"] },
    );
    expect(() => parseInstant("2026-03-08T09:30:00Z", null as never)).toThrowOpsError("invalid_argument", {
      path: ["options"],
    });
    expect(startOfLocalWeek(t, "UTC")).toBe(startOfLocalWeek(t, "UTC", {}));
  });
});

describe("the zone functions given a compiled zone", () => {
  it("refuse an argument of another type as with the zone's name", () => {
    const tz = compileTimeZone("Asia/Shanghai");
    expect(() => zoneOffset(Symbol() as never, tz)).toThrowOpsError("invalid_argument", { path: ["instant"] });
    expect(() => zoneOffset(Object.create(null), tz)).toThrowOpsError("invalid_argument", { path: ["instant"] });
    expect(() => localParts("0" as never, tz)).toThrowOpsError("invalid_argument", { path: ["instant"] });
    expect(() => fromWallClock(10n as never, tz)).toThrowOpsError("invalid_argument", { path: ["wallClock"] });
    expect(() => fromWallClock(0, tz, null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(() => addLocalDays(0, tz, Object.create(null))).toThrowOpsError("invalid_argument", { path: ["days"] });
    expect(() => fromLocalParts(undefined as never, tz)).toThrowOpsError("invalid_argument", { path: ["parts"] });
    expect(() => fromLocalParts({ year: 2026, month: 10n as never, day: 1 }, tz)).toThrowOpsError("invalid_argument", {
      path: ["parts", "month"],
    });
    expect(() => formatLocalDateTime(0, tz, null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
  });
  it("refuse a zone that is neither a name nor a compiled zone as invalid_time_zone", () => {
    for (const zone of [null, undefined, 0, {}, Object.create(null), () => "UTC", Symbol("UTC")])
      expect(() => zoneOffset(0, zone as never)).toThrowOpsError("invalid_time_zone", { path: ["zone"] });
  });
});
