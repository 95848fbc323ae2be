// Hostile column names, table names, zone names and values: identifiers are quoted, values
// are bound, and a zone that is not an IANA zone is refused before any SQL is written.
import { funnel, rollupByChannel } from "@ops/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clickhouse,
  compileDistinctActors,
  compileFunnel,
  compileRollupByChannel,
  duckdb,
  type SqlTarget,
} from "../src/index";
import { byLabelAndChannel, expectSame } from "./_compare";
import { cleanupFiles, createClickhouseEngine, createDuckEngine, type Engine, type EventRow } from "./_engines";

const HOSTILE_COLUMNS = {
  at: 'at"; DROP TABLE events; --',
  actor: "actor`) FROM system.numbers --",
  channel: "chan\\nel'",
  kind: "ki\"`'nd",
  value: "值 value",
};
const HOSTILE_TABLE = 'ev"`\\ents; DROP TABLE x';
const CHANNEL = "x'); DROP TABLE events; --";

const rows: EventRow[] = [
  { occurred_at: Date.parse("2026-03-08T05:30:00Z"), actor: "a'", channel: CHANNEL, kind: "like", value: 1 },
  { occurred_at: Date.parse("2026-03-08T12:30:00Z"), actor: "b", channel: CHANNEL, kind: "like", value: 2 },
  { occurred_at: Date.parse("2026-03-09T12:30:00Z"), actor: "b", channel: "{p0:String}", kind: "$p0", value: 3 },
];
const events = rows.map((r) => ({
  at: r.occurred_at,
  actor: r.actor,
  channel: r.channel,
  kind: r.kind,
  value: r.value,
}));

let engines: Engine[] = [];
beforeAll(async () => {
  engines = [await createDuckEngine(), await createClickhouseEngine()];
});
afterAll(() => {
  for (const e of engines) e.close();
  cleanupFiles();
});

describe("injection", () => {
  it("quotes hostile column and table names and binds hostile channel ids and kinds", async () => {
    for (const e of engines) {
      const target: SqlTarget = { dialect: e.name, table: HOSTILE_TABLE, columns: HOSTILE_COLUMNS };
      await e.load(rows, HOSTILE_TABLE, target);
      const q = compileRollupByChannel(target, { timeZone: "America/New_York", kinds: ["like", "$p0"] });
      expect(q.sql).not.toContain(CHANNEL);
      expect(q.params.map((p) => p.value)).toContainEqual(["like", "$p0"]);
      expectSame(
        byLabelAndChannel(await e.run(q)),
        byLabelAndChannel(rollupByChannel(events, { timeZone: "America/New_York", kinds: ["like", "$p0"] })),
      );
      // a hostile kind list is a value: it matches nothing, and the table is still there
      expect(await e.run(compileDistinctActors(target, { kinds: ["'; DROP TABLE events; --"] }))).toBe(0);
      expect(await e.run(compileDistinctActors(target))).toBe(2);
      // funnel steps are values too: the hostile kind "$p0" is a step, matched as text
      for (const order of ["ordered", "strict", "unordered"] as const) {
        const f = compileFunnel(target, { steps: ["like", "$p0"], order, windowMs: 86_400_000 });
        expect(f.sql).not.toContain("$p0'");
        expectSame(await e.run(f), funnel(events, { steps: ["like", "$p0"], order, windowMs: 86_400_000 }));
      }
    }
  });

  it("refuses a repeated step in an unordered funnel, as funnel does", () => {
    expect(() => compileFunnel({ dialect: "clickhouse" }, { steps: ["a", "a"], order: "unordered" })).toThrowOpsError(
      "invalid_argument",
      { path: ["options", "steps"] },
    );
  });

  it("refuses a zone that is not an IANA zone before writing SQL", () => {
    for (const timeZone of ["UTC'); DROP TABLE events; --", "America/New_York' --", "{p0:String}"]) {
      expect(() => compileRollupByChannel({ dialect: "duckdb" }, { timeZone })).toThrowOpsError("invalid_argument", {
        path: ["options", "timeZone"],
      });
    }
  });

  it("refuses identifiers with NUL, empty or too long", () => {
    for (const bad of ["", "a\0b", "x".repeat(256)]) {
      expect(() => compileDistinctActors({ dialect: "duckdb", columns: { actor: bad } })).toThrowOpsError(
        "invalid_argument",
      );
      expect(() => compileDistinctActors({ dialect: "clickhouse", table: bad })).toThrowOpsError("invalid_argument");
    }
  });

  it("quotes identifiers so that quotes and backslashes stay in the name", () => {
    expect(duckdb.quoteIdentifier('a"b')).toBe('"a""b"');
    expect(clickhouse.quoteIdentifier("a`b\\c")).toBe("`a\\`b\\\\c`");
  });
});
