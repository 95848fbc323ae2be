import { addLocalDays, type TimeZone } from "@ops/core";
import type { FollowerSnapshot } from "@ops/metrics";
import * as z from "zod/mini";
import { countCell, instantReader, signedCell } from "../_lib/cells";
import { isTotalLabel, sortErrors } from "../_lib/header";
import { exportOptionsShape, openExport } from "../_lib/openExport";
import type { CsvEncoding } from "../csv/limits";
import type { ColumnDictionary } from "../csv/ColumnDictionary";
import type { MappedExport } from "../csv/MappedExport";
import type { RowError, SkippedRow } from "../csv/RowError";

/** The fields {@link mapWechatFollowers} reads. */
export type WechatFollowerField = "date" | "gained" | "lost" | "net" | "cumulative";

/**
 * Column dictionary of a WeChat Official Account daily follower export (公众号后台 → 数据分析
 * → 用户分析 → 用户增长, one row per day).
 */
export const WECHAT_FOLLOWER_COLUMNS: ColumnDictionary<WechatFollowerField> = {
  date: { names: ["日期", "时间", "Date"], required: true, meaning: "the local day (YYYY-MM-DD)" },
  gained: {
    names: ["新关注人数", "新增关注人数", "新增人数", "新关注", "New followers"],
    required: false,
    meaning: "follows that day → `gained`",
  },
  lost: {
    names: ["取消关注人数", "取消关注", "取关人数", "Unfollowers", "Unfollows"],
    required: false,
    meaning: "unfollows that day → `lost`",
  },
  net: {
    names: ["净增关注人数", "净增人数", "净增关注", "Net new followers", "Net followers"],
    required: false,
    meaning: "gained − lost (checked, may be negative)",
  },
  cumulative: {
    names: [
      "累积关注人数",
      "累计关注人数",
      "累积人数",
      "累计人数",
      "总关注人数",
      "Total followers",
      "Cumulative followers",
    ],
    required: true,
    meaning: "followers at the end of the day → `followers`",
  },
};

/** Options of {@link mapWechatFollowers}. */
export interface MapWechatFollowersOptions {
  /** Zone of the export's days; default `"Asia/Shanghai"`. */
  readonly timeZone?: TimeZone;
  readonly delimiter?: "," | "\t" | ";" | "|";
  readonly encoding?: CsvEncoding;
}

/** Schema of {@link MapWechatFollowersOptions}. */
export const MapWechatFollowersOptionsSchema = /* @__PURE__ */ (() => z.object(exportOptionsShape()))();

/** One day of the export as a follower snapshot of \@ops/metrics, with its row. */
export interface WechatFollowerDay {
  readonly row: number;
  /** `at` = the end of the day (the next local midnight); `followers` = 累积关注人数; `gained`/`lost` when present. */
  readonly snapshot: FollowerSnapshot;
}

/** A day's figures before the rows are put in order. */
interface Day {
  readonly row: number;
  readonly start: number;
  readonly end: number;
  readonly followers: number;
  readonly gained: number | undefined;
  readonly lost: number | undefined;
  readonly net: number | undefined;
}

/**
 * Maps a WeChat Official Account daily follower export to the snapshots
 * `followerGrowthFromSnapshots` of \@ops/metrics takes: a row for day D is the reading at the
 * end of D (the next local midnight in `timeZone`), `followers` = 累积关注人数, `gained` =
 * 新关注人数, `lost` = 取消关注人数. When 净增关注人数 is present it must equal gained − lost
 * (`inconsistent` otherwise). Days come out in time order, whatever the file's order (the
 * back office lists newest first); a second row for a day is `duplicate` (or skipped as
 * `duplicate_row` when its figures are the same). `opening` is the reading at the start of the
 * first day — 累积 − 净增 of that day (or − (新关注 − 取消关注)) — so that a period starting
 * on the first day has its base; `null` when that day has neither.
 *
 * @param text - the CSV text or bytes
 * @param options - `timeZone` (default Asia/Shanghai), `delimiter`, `encoding`
 * @returns the days, the opening snapshot, row errors, skipped rows, columns
 * @throws {OpsError} `invalid_argument` when no header row has 日期 and 累积关注人数 (the message lists the columns found), for bad bytes or options; `out_of_range` beyond the limits
 *
 * @example
 * ```ts
 * import { mapWechatFollowers } from "@ops/ingest";
 * import { followerGrowthFromSnapshots } from "@ops/metrics";
 * const csv = "日期,新关注人数,取消关注人数,净增关注人数,累积关注人数\n" +
 *   '2026-03-10,150,30,120,"128,644"\n2026-03-09,200,76,124,"128,524"\n';
 * const m = mapWechatFollowers(csv);
 * const snapshots = [m.opening!, ...m.items.map((d) => d.snapshot)];
 * const g = followerGrowthFromSnapshots(snapshots, { period: { start: m.opening!.at, end: snapshots[2]!.at } });
 * [g.base, g.end, g.gained, g.lost, g.net];
 * // => [128400, 128644, 350, 106, 244]
 * ```
 */
export function mapWechatFollowers(
  text: string | Uint8Array,
  options: MapWechatFollowersOptions = {},
): MappedExport<WechatFollowerDay, WechatFollowerField> & { readonly opening: FollowerSnapshot | null } {
  const fn = "mapWechatFollowers";
  const { table, zone, errors } = openExport(
    text,
    options,
    MapWechatFollowersOptionsSchema,
    WECHAT_FOLLOWER_COLUMNS,
    fn,
  );
  const { columns } = table;
  const instantOf = instantReader(zone);
  const skipped: SkippedRow[] = [...table.skipped];
  const days: Day[] = [];
  for (const r of table.rows) {
    if (isTotalLabel(r.cell("date"))) {
      skipped.push({ row: r.row, rule: "total_row" });
      continue;
    }
    const rowErrors: RowError[] = [];
    const start = instantOf(r.cell("date"), r.row, columns.date as string);
    if (!start.ok) rowErrors.push(start.error);
    const cumulative = countCell(r.cell("cumulative"), r.row, columns.cumulative, true);
    const gained = countCell(r.cell("gained"), r.row, columns.gained, false);
    const lost = countCell(r.cell("lost"), r.row, columns.lost, false);
    const net = signedCell(r.cell("net"), r.row, columns.net, false);
    for (const c of [cumulative, gained, lost, net]) if (!c.ok) rowErrors.push(c.error);
    if (!start.ok || !cumulative.ok || !gained.ok || !lost.ok || !net.ok || rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    if (gained.value !== undefined && lost.value !== undefined && net.value !== undefined) {
      if (net.value !== gained.value - lost.value) {
        errors.push({
          row: r.row,
          column: columns.net ?? null,
          rule: "inconsistent",
          message: `row ${r.row}, ${columns.net}: ${net.value} is not ${columns.gained} − ${columns.lost} = ${gained.value - lost.value}`,
        });
        continue;
      }
    }
    days.push({
      row: r.row,
      start: start.value,
      end: addLocalDays(start.value, zone, 1),
      followers: cumulative.value as number,
      gained: gained.value,
      lost: lost.value,
      net:
        net.value ?? (gained.value !== undefined && lost.value !== undefined ? gained.value - lost.value : undefined),
    });
  }
  days.sort((a, b) => a.start - b.start || a.row - b.row);
  const items: WechatFollowerDay[] = [];
  let previous: Day | undefined;
  for (const d of days) {
    if (previous !== undefined && previous.start === d.start) {
      const same = previous.followers === d.followers && previous.gained === d.gained && previous.lost === d.lost;
      if (same) skipped.push({ row: d.row, rule: "duplicate_row" });
      else
        errors.push({
          row: d.row,
          column: columns.date ?? null,
          rule: "duplicate",
          message: `row ${d.row}, ${columns.date}: the day of row ${previous.row} again, with other figures`,
        });
      continue;
    }
    previous = d;
    const snapshot: FollowerSnapshot = {
      at: d.end,
      followers: d.followers,
      ...(d.gained !== undefined ? { gained: d.gained } : {}),
      ...(d.lost !== undefined ? { lost: d.lost } : {}),
    };
    items.push({ row: d.row, snapshot });
  }
  const first = days[0];
  const opening =
    first === undefined || first.net === undefined || first.followers - first.net < 0
      ? null
      : { at: first.start, followers: first.followers - first.net };
  sortErrors(errors, table.header);
  skipped.sort((a, b) => a.row - b.row);
  return { items, opening, errors, skipped, columns };
}
