import { defineProject, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

// the tests drive two real engines in-process (DuckDB, chdb) over property-generated data: on a
// loaded 2-core CI machine one property run takes tens of seconds, so the timeouts are minutes
export default mergeConfig(
  shared,
  defineProject({ test: { name: "sql", testTimeout: 300_000, hookTimeout: 300_000 } }),
);
