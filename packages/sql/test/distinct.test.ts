// The approximate distinct count at 1 M distinct actors: within 2 % (ClickHouse uniqCombined;
// DuckDB answers with its exact count, its approx_count_distinct being ~15 % off at 2 M).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDistinctActors, duckdb } from "../src/index";
import { cleanupFiles, createClickhouseEngine, createDuckEngine, type Engine } from "./_engines";

const N = 1_000_000;
let engines: Engine[] = [];
beforeAll(async () => {
  const duck = await createDuckEngine();
  const ch = await createClickhouseEngine();
  await duck.load([]);
  await ch.load([]);
  await duck.exec(
    `INSERT INTO events (occurred_at, actor, channel, kind, value) SELECT i, 'wechat_oa:gh_3a8f:o' || i, '', '', 0 FROM range(${N}) t(i)`,
  );
  await ch.exec(
    `INSERT INTO events (occurred_at, actor, channel, kind, value) SELECT number, concat('wechat_oa:gh_3a8f:o', toString(number)), '', '', 0 FROM numbers(${N})`,
  );
  engines = [duck, ch];
});
afterAll(() => {
  for (const e of engines) e.close();
  cleanupFiles();
});

describe("compileDistinctActors approximate", () => {
  it("is within 2 % of the exact count at 1 M distinct actors on both engines", async () => {
    for (const e of engines) {
      const exact = await e.run(compileDistinctActors({ dialect: e.name }));
      const approx = await e.run(compileDistinctActors({ dialect: e.name }, { approximate: true }));
      expect(exact).toBe(N);
      expect(Math.abs(approx - N) / N).toBeLessThan(0.02);
      if (e.name === "duckdb") expect(approx).toBe(N); // exact count(DISTINCT) on DuckDB
    }
    expect(duckdb.approxIsExact).toBe(true);
  });
});
