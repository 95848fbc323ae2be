import { parseLocalDateTime } from "@ops/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantReader } from "../src/_lib/cells";

const pad = (n: number) => String(n).padStart(2, "0");

describe("instantReader", () => {
  it("gives parseLocalDateTime's instant, DST gaps and overlaps included (Asia/Shanghai, America/New_York, Australia/Lord_Howe)", () => {
    for (const zone of ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe"]) {
      const read = instantReader(zone);
      fc.assert(
        fc.property(
          fc.integer({ min: 1990, max: 2037 }),
          fc.integer({ min: 1, max: 12 }),
          fc.integer({ min: 1, max: 28 }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 59 }),
          (y, mo, d, h, mi) => {
            const text = `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:07`;
            const r = read(text, 2, "时间");
            expect(r).toEqual({ ok: true, value: parseLocalDateTime(text, zone) });
          },
        ),
      );
      // the nights of the 2026 changes, minute by minute
      for (const day of ["2026-03-08", "2026-11-01", "2026-04-05", "2026-10-04"])
        for (let m = 0; m < 4 * 60; m += 7) {
          const text = `${day} ${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
          expect(read(text, 2, "时间")).toEqual({ ok: true, value: parseLocalDateTime(text, zone) });
        }
    }
  });

  it("reads 年月日 spellings and names the row and column of a bad time", () => {
    const read = instantReader("Asia/Shanghai");
    expect(read("2026年3月9日 21:15", 2, "评论时间")).toEqual({
      ok: true,
      value: parseLocalDateTime("2026-03-09 21:15", "Asia/Shanghai"),
    });
    const bad = read("2026-03-09T21:15:00+08:00", 7, "评论时间");
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect([bad.error.row, bad.error.column, bad.error.rule]).toEqual([7, "评论时间", "invalid_date_time"]);
  });
});
