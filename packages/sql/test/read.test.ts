import { OpsError } from "@ops/core";
import { describe, expect, it } from "vitest";
import { compileDistinctActors, compileFunnel, compileReadRate, compileReplyRate, compileTimeBuckets } from "../src";

// `read` receives what a user's client returned: the hostile-input suite (scripts/test/hostile)
// sweeps every field; these are the cases it found before `read` checked its rows.
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(OpsError);
    return { code: (e as OpsError).code, path: (e as OpsError).path };
  }
  throw new Error("expected a refusal");
};

describe("read refuses what no engine returns, naming where", () => {
  const q = compileReadRate({ dialect: "duckdb" }, { targetUsers: 200, post: "p1" });
  it("not an array of rows", () => {
    expect(refusal(() => q.read(null as never))).toEqual({ code: "invalid_argument", path: ["rows"] });
    expect(refusal(() => q.read({ readers: 1 } as never))).toEqual({ code: "invalid_argument", path: ["rows"] });
  });
  it("a row that is not an object, a hole included", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case
    const holey = [, { readers: 1n }];
    expect(refusal(() => q.read(holey as never))).toEqual({ code: "invalid_argument", path: ["rows", 0] });
    expect(refusal(() => compileFunnel({ dialect: "duckdb" }, { steps: ["a", "b"] }).read([null] as never))).toEqual({
      code: "invalid_argument",
      path: ["rows", 0],
    });
  });
  it("a non-finite or non-numeric cell is corrupt data, never Infinity or NaN in the result", () => {
    expect(refusal(() => q.read([{ readers: Number.POSITIVE_INFINITY }]))).toEqual({
      code: "corrupt_data",
      path: ["rows", "readers"],
    });
    expect(refusal(() => compileDistinctActors({ dialect: "clickhouse" }).read([{ d: "1e999" }]))).toEqual({
      code: "corrupt_data",
      path: ["rows", "d"],
    });
    expect(
      refusal(() => compileReplyRate({ dialect: "clickhouse" }).read([{ answered: "x", total: "4", pending: "0" }])),
    ).toEqual({ code: "corrupt_data", path: ["rows", "answered"] });
  });
  it("valid rows still read (bigint from DuckDB, strings from ClickHouse JSON)", () => {
    expect(q.read([{ readers: 50n }]).value).toBe(0.25);
    expect(compileDistinctActors({ dialect: "clickhouse" }).read([{ d: "3" }])).toBe(3);
  });
});

describe("compileTimeBuckets' read fills from the zone's calendar", () => {
  const q = compileTimeBuckets(
    { dialect: "duckdb" },
    { timeZone: "UTC", unit: "day", range: { start: Date.UTC(2026, 2, 9), end: Date.UTC(2026, 2, 11) } },
  );
  const row = (label: string, start: number) => ({
    label,
    start_ms: start,
    end_ms: start + 86_400_000,
    n: 1n,
    s: 1,
    d: 1n,
    t_min: start,
    t_max: start,
  });
  it("a row of a day the query's range does not hold is refused, not dropped", () => {
    expect(refusal(() => q.read([row("2026-03-20", Date.UTC(2026, 2, 20))]))).toEqual({
      code: "corrupt_data",
      path: ["rows", 0, "label"],
    });
  });
  it("the days without rows are filled with empty buckets", () => {
    expect(q.read([row("2026-03-10", Date.UTC(2026, 2, 10))]).map((b) => [b.label, b.count])).toEqual([
      ["2026-03-09", 0],
      ["2026-03-10", 1],
    ]);
  });
});
