// Issue 20, hostile inputs: an OpsError naming the field — never a TypeError from inside,
// never NaN or ±Infinity, never a loop without end. `options: null` is refused like any
// non-object; omitted options are `{}`.
import { describe, expect, it } from "vitest";
import {
  describe as describeSample,
  detectEwmaAnomalies,
  detectSeasonalAnomalies,
  monthlyReport,
  poissonControlLimits,
  responseTimeSummary,
  normalQuantile,
  probabilityBBeatsA,
  quantile,
  renderMarkdown,
  weeklyReport,
  type Report,
} from "@ops/metrics";

const at = Date.UTC(2026, 2, 11);
const report = (): Report => weeklyReport({ posts: [] }, { timeZone: "Asia/Shanghai", at });

describe("weeklyReport and monthlyReport", () => {
  it("refuse an input that is not an object", () => {
    expect(() => weeklyReport(undefined as never, { timeZone: "UTC", at })).toThrowOpsError("invalid_argument", {
      path: ["input"],
    });
    expect(() => monthlyReport(null as never, { timeZone: "UTC", at })).toThrowOpsError("invalid_argument", {
      path: ["input"],
    });
  });
});

describe("renderMarkdown", () => {
  it("refuses a report whose fields are missing, of the wrong type or not finite", () => {
    expect(() => renderMarkdown(undefined as never)).toThrowOpsError("invalid_argument", { path: ["report"] });
    expect(() => renderMarkdown({ ...report(), days: undefined } as never)).toThrowOpsError("invalid_argument", {
      path: ["report", "days"],
    });
    const r = report();
    const [first] = r.indicators;
    const damaged = { ...r, indicators: [{ ...first, change: { ...first?.change, relative: Number.NaN } }] };
    expect(() => renderMarkdown(damaged as never)).toThrowOpsError("invalid_argument", {
      path: ["report", "indicators", 0, "change", "relative"],
    });
  });
  it("refuses options: null and renders with omitted options", () => {
    expect(() => renderMarkdown(report(), null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(renderMarkdown(report())).toMatch(/^# Weekly report/);
  });
});

describe("quantile", () => {
  it("refuses options: null", () => {
    expect(() => quantile([1, 2, 3], 0.5, null as never)).toThrowOpsError("invalid_argument", { path: ["options"] });
    expect(quantile([1, 2, 3], 0.5)).toBe(2);
  });
});

describe("normalQuantile", () => {
  it("refuses 0 and 1, whose quantiles are ∓Infinity", () => {
    expect(() => normalQuantile(0)).toThrowOpsError("out_of_range", { path: ["p"] });
    expect(() => normalQuantile(1)).toThrowOpsError("out_of_range", { path: ["p"] });
  });
});

describe("probabilityBBeatsA", () => {
  it("refuses at once a prior alpha whose exact sum would need more than 1e7 terms", () => {
    const t = performance.now();
    expect(() =>
      probabilityBBeatsA(
        { successes: 1, trials: 10 },
        { successes: 2, trials: 10 },
        { prior: { alpha: 8.64e15, beta: 1 } },
      ),
    ).toThrowOpsError("out_of_range");
    expect(performance.now() - t).toBeLessThan(1000);
  });
  it("sums millions of terms exactly, matching the normal approximation where that is accurate", () => {
    // 5 000 000/10 000 000 vs 5 001 000/10 000 000: both posteriors are all but normal,
    // N(0.5, 2.5e-8) and N(0.5001, 2.5e-8), so P ≈ Φ(1e-4 / √5e-8) = Φ(0.44721) = 0.672639
    // (scipy.stats.norm.cdf(1e-4 / math.sqrt(5e-8)) = 0.6726395769907...)
    const p = probabilityBBeatsA(
      { successes: 5_000_000, trials: 10_000_000 },
      { successes: 5_001_000, trials: 10_000_000 },
    );
    expect(p).toBeCloseTo(0.67264, 4);
  });
});

const DAY = 86_400_000;
const series = (values: readonly number[]) => values.map((value, i) => ({ at: at + i * DAY, value }));

describe("the anomaly detectors", () => {
  it("refuse a value beyond ±1e15 instead of returning an infinite score", () => {
    const values = Array.from({ length: 28 }, (_, i) => 100 + (i % 7));
    values[20] = Number.MAX_VALUE;
    expect(() => detectSeasonalAnomalies(series(values))).toThrowOpsError("out_of_range", {
      path: ["points", 20, "value"],
    });
    expect(() => detectEwmaAnomalies(series(values))).toThrowOpsError("out_of_range", {
      path: ["points", 20, "value"],
    });
  });
  it("detectEwmaAnomalies refuses a lambda below 1e-6 (1 − λ would round to 1: 0/0 scores)", () => {
    const values = [10, 12, 11, 13, 40];
    expect(() => detectEwmaAnomalies(series(values), { lambda: Number.MIN_VALUE })).toThrowOpsError(
      "invalid_argument",
      {
        path: ["options", "lambda"],
      },
    );
    expect(detectEwmaAnomalies(series(values), { lambda: 1e-6 }).every((a) => Number.isFinite(a.score))).toBe(true);
  });
});

describe("poissonControlLimits", () => {
  it("refuses an alpha below 1e-15 at once (5e-324 searched for ever)", () => {
    expect(() => poissonControlLimits(10, { alpha: Number.MIN_VALUE })).toThrowOpsError("invalid_argument", {
      path: ["options", "alpha"],
    });
    // by hand: P(X = 0) = e^-0.001 ≥ 5e-16, and P(X > 3) ≈ λ⁴/24 = 4.2e-14 ≥ 5e-16 > P(X > 4) ≈ λ⁵/120 = 8.3e-18
    expect(poissonControlLimits(0.001, { alpha: 1e-15 })).toEqual({ lower: 0, upper: 4 });
  });
});

describe("describe and responseTimeSummary", () => {
  it("describe refuses an array-like with a negative length", () => {
    expect(() => describeSample({ length: -1 } as never)).toThrowOpsError("invalid_argument", { path: ["values"] });
  });
  it("responseTimeSummary takes a million durations in well under a second's parse", () => {
    expect(responseTimeSummary(new Array(1_000_000).fill(0)).count).toBe(1_000_000);
  });
});
