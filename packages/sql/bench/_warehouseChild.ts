// Child process of warehouse.bench.ts: one path (MODE = duckdb | chdb | metrics | arquero)
// over the Parquet file FILE, printing its timings and peak RSS as JSON. Each path runs in
// its own process so that its peak RSS is its own.
import { DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { type EventColumns, retentionTable, rollupByChannel } from "@ops/metrics";
import { type CompiledQuery, compileRetentionTable, compileRollupByChannel, type SqlParam } from "../src/index";
import { RETENTION, ROLLUP } from "./_warehouseData";

const FILE = process.env.FILE as string;
const MODE = process.env.MODE as string;
const out: Record<string, number | string> = { mode: MODE };

async function timed<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  globalThis.gc?.();
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await f();
  const u = process.cpuUsage(c);
  out[label] = Math.round(performance.now() - t);
  out[`${label}Cpu`] = Math.round((u.user + u.system) / 1000);
  return r;
}

/** Parameters bound by @duckdb/node-api: Int64 as bigint, arrays as LIST values. */
async function duckParams(q: CompiledQuery<unknown>) {
  const { BIGINT, DOUBLE, LIST, VARCHAR, listValue } = await import("@duckdb/node-api");
  const types = { String: VARCHAR, Int64: BIGINT, Float64: DOUBLE, "Array(String)": LIST(VARCHAR) };
  const value = (p: SqlParam): DuckDBValue =>
    p.type === "Int64"
      ? BigInt(p.value as number)
      : p.type === "Array(String)"
        ? listValue([...(p.value as string[])])
        : (p.value as string | number);
  return [
    Object.fromEntries(q.params.map((p) => [p.name, value(p)])),
    Object.fromEntries(q.params.map((p) => [p.name, types[p.type]])),
  ] as const;
}

async function loadColumns(): Promise<EventColumns> {
  // the same rows as typed arrays: strings dictionary-coded as EventColumns expects
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  const n = Number((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet('${FILE}')`)).getRows()[0]?.[0]);
  const at = new Float64Array(n);
  const actor = new Int32Array(n);
  const channel = new Int32Array(n);
  const kind = new Uint8Array(n);
  const value = new Float64Array(n);
  const dicts = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()] as const;
  const code = (d: Map<string, number>, k: string) => {
    let c = d.get(k);
    if (c === undefined) {
      c = d.size;
      d.set(k, c);
    }
    return c;
  };
  const result = await conn.stream(`SELECT occurred_at, actor, channel, kind, value FROM read_parquet('${FILE}')`);
  let i = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const [c0, c1, c2, c3, c4] = [0, 1, 2, 3, 4].map((c) => chunk.getColumnVector(c));
    for (let r = 0; r < chunk.rowCount; r++, i++) {
      at[i] = Number(c0?.getItem(r) as bigint);
      actor[i] = code(dicts[0], c1?.getItem(r) as string);
      channel[i] = code(dicts[1], c2?.getItem(r) as string);
      kind[i] = code(dicts[2], c3?.getItem(r) as string);
      value[i] = c4?.getItem(r) as number;
    }
  }
  conn.closeSync();
  return {
    at,
    actor,
    channel,
    kind,
    value,
    actors: [...dicts[0].keys()],
    channels: [...dicts[1].keys()],
    kinds: [...dicts[2].keys()],
  };
}

if (MODE === "duckdb") {
  const conn = await (await DuckDBInstance.create(":memory:")).connect();
  await conn.run(`CREATE VIEW events AS SELECT * FROM read_parquet('${FILE}')`);
  for (const [label, q] of [
    ["rollup", compileRollupByChannel({ dialect: "duckdb" }, ROLLUP)],
    ["retention", compileRetentionTable({ dialect: "duckdb" }, RETENTION)],
  ] as const) {
    const [values, types] = await duckParams(q);
    const rows = await timed(label, async () => (await conn.runAndReadAll(q.sql, values, types)).getRowObjects());
    out[`${label}Rows`] = rows.length;
  }
} else if (MODE === "chdb") {
  const { Session } = await import("chdb");
  const s = new Session();
  s.query(`CREATE VIEW events AS SELECT * FROM file('${FILE}', Parquet)`);
  for (const [label, q] of [
    ["rollup", compileRollupByChannel({ dialect: "clickhouse" }, ROLLUP)],
    ["retention", compileRetentionTable({ dialect: "clickhouse" }, RETENTION)],
  ] as const) {
    const params = Object.fromEntries(q.params.map((p) => [p.name, p.value]));
    const text = await timed(label, () => s.queryBind(q.sql, params, "JSONEachRow"));
    out[`${label}Rows`] = text.split("\n").filter((l) => l.length > 0).length;
  }
  s.cleanup();
} else if (MODE === "metrics") {
  const cols = await timed("load", loadColumns);
  out.rollupRows = (await timed("rollup", () => rollupByChannel(cols, ROLLUP))).length;
  out.retentionRows = (await timed("retention", () => retentionTable(cols, RETENTION))).cohorts.length;
} else if (MODE === "arquero") {
  // arquero 8 (a devDependency of this package), loaded only on this path
  const aq = await import("arquero");
  const op = aq.op;
  const cols = await timed("load", loadColumns);
  const OFFSET = 8 * 3_600_000; // Asia/Shanghai has no DST since 1991: a fixed offset, as the metrics bench does
  const DAY = 86_400_000;
  const base = aq
    .table({ at: cols.at, actor: cols.actor, channel: cols.channel, kind: cols.kind, value: cols.value })
    .params({ OFFSET, DAY })
    .derive({ day: (d: { at: number }, $: { OFFSET: number; DAY: number }) => op.floor((d.at + $.OFFSET) / $.DAY) });
  const rollup = await timed("rollup", () =>
    base.groupby("day", "channel").rollup({ count: op.count(), sum: op.sum("value"), actors: op.distinct("actor") }),
  );
  out.rollupRows = rollup.numRows();
  const start = cols.kinds.indexOf(RETENTION.startEvent);
  const ret = cols.kinds.indexOf(RETENTION.returnEvent);
  const retention = await timed("retention", () => {
    // PostHog first-time cohorts: each actor's first start day; retained on day k if a return event then
    const first = base
      .params({ start })
      .filter((d: { kind: number }, $: { start: number }) => d.kind === $.start)
      .groupby("actor")
      .rollup({ c: op.min("day") });
    const returns = base
      .params({ ret })
      .filter((d: { kind: number }, $: { ret: number }) => d.kind === $.ret)
      .select("actor", "day")
      .dedupe();
    const cells = first
      .join(returns, "actor")
      .params({ P: RETENTION.periods })
      .derive({ k: (d: { day: number; c: number }) => d.day - d.c })
      .filter((d: { k: number }, $: { P: number }) => d.k > 0 && d.k < $.P)
      .groupby("c", "k")
      .count();
    return { sizes: first.groupby("c").count(), cells };
  });
  out.retentionRows = retention.sizes.numRows();
}
out.maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify(out));
