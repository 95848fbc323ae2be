// compileEngagementRate takes its default kinds from @ops/metrics' ENGAGEMENT_KINDS (issue 21: one
// home per concept), so that the SQL and engagementRate count the same interactions.
import { ENGAGEMENT_KINDS } from "@ops/metrics";
import { describe, expect, it } from "vitest";
import { compileEngagementRate } from "../src/index";

describe("compileEngagementRate's default engagements", () => {
  for (const dialect of ["duckdb", "clickhouse"] as const) {
    it(`${dialect}: sums every kind of ENGAGEMENT_KINDS, as engagementRate does`, () => {
      const byDefault = compileEngagementRate({ dialect });
      const explicit = compileEngagementRate({ dialect }, { engagements: ENGAGEMENT_KINDS });
      expect([byDefault.sql, byDefault.params]).toEqual([explicit.sql, explicit.params]);
      for (const kind of ENGAGEMENT_KINDS) expect(byDefault.sql).toContain(kind);
      // a list without `wows` writes other SQL: the default is not merely some list
      const five = compileEngagementRate({ dialect }, { engagements: ENGAGEMENT_KINDS.slice(0, 5) });
      expect(five.sql).not.toBe(byDefault.sql);
    });
  }
});
