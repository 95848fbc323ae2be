import { type ErrorPath, OpsError } from "@ops/core";
import { tiebreak } from "./tiebreak";
import { compareUtf8 } from "../../_lib/utf8Order";
import { recordLeaf } from "./contestList";

// The award rules of docs/raffle-spec.md §11.5, shared by rankAwards, runAward and verifyAward.

/** A rubric criterion as the schema checked it. */
export interface Criterion {
  readonly id: string;
  readonly weight: number;
  readonly max: number;
}

/** One judge's score as the schema checked it. */
export interface ScoreRecord {
  readonly judge: string;
  readonly entry: string;
  readonly criterion: string;
  readonly score: number;
}

/** One score on a sheet (the entry is the sheet's). */
export interface SheetScore {
  readonly judge: string;
  readonly criterion: string;
  readonly score: number;
}

/** An entry's score sheet at its place in the list. */
export interface Sheet {
  readonly entry: string;
  /** Ordered by (UTF-8(judge), UTF-8(criterion)). */
  readonly scores: readonly SheetScore[];
  readonly leaf: Uint8Array;
  readonly index: number;
  readonly total: number;
}

/** Σ score × criterion weight (§11.5); null when a criterion is unknown. */
export function sheetTotal(scores: readonly SheetScore[], criteria: ReadonlyMap<string, Criterion>): number | null {
  let total = 0;
  for (const s of scores) {
    const c = criteria.get(s.criterion);
    if (c === undefined) return null;
    total += s.score * c.weight;
  }
  return total;
}

/** (UTF-8(judge), UTF-8(criterion)) order of a sheet's scores. */
export function compareSheetScores(a: SheetScore, b: SheetScore): number {
  return compareUtf8(a.judge, b.judge) || compareUtf8(a.criterion, b.criterion);
}

/**
 * Builds the score sheets of §11.5: entry ids to NFC, distinct (`duplicate`); every score
 * names a listed entry, a panel judge and a rubric criterion (`invalid_argument`), is at
 * most the criterion's max (`out_of_range`), and is given once (`duplicate`); every judge
 * scores every entry on every criterion (`invalid_argument` naming the missing one).
 * Sheets are ordered by UTF-8(entry).
 */
export function buildSheets(
  criteria: readonly Criterion[],
  judges: readonly string[],
  entries: readonly string[],
  scores: readonly ScoreRecord[],
  fn: string,
  path: { readonly entries: ErrorPath; readonly scores: ErrorPath },
): Sheet[] {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const panel = new Set(judges);
  const sheets = new Map<string, Map<string, SheetScore>>();
  entries.forEach((raw, i) => {
    const entry = raw.normalize("NFC");
    if (sheets.has(entry))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: [...path.entries, i],
        rule: "must list each entry once (after NFC)",
        received: raw,
      });
    sheets.set(entry, new Map());
  });
  scores.forEach((s, i) => {
    const at = [...path.scores, i];
    const entry = s.entry.normalize("NFC");
    const sheet = sheets.get(entry);
    if (sheet === undefined)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...at, "entry"],
        rule: "must be one of the entries",
        received: s.entry,
      });
    if (!panel.has(s.judge))
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...at, "judge"],
        rule: "must be a judge of the panel",
        received: s.judge,
      });
    const c = byId.get(s.criterion);
    if (c === undefined)
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: [...at, "criterion"],
        rule: "must be a criterion of the rubric",
        received: s.criterion,
      });
    if (s.score > c.max)
      throw new OpsError({
        code: "out_of_range",
        fn,
        path: [...at, "score"],
        rule: `must be an integer from 0 to ${c.max} for criterion ${c.id}`,
        received: s.score,
      });
    const key = JSON.stringify([s.judge, s.criterion]);
    if (sheet.has(key))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: at,
        rule: `must give one score per judge, entry and criterion: judge ${s.judge} scored entry ${entry} on criterion ${c.id} twice`,
        received: s.score,
      });
    sheet.set(key, { judge: s.judge, criterion: s.criterion, score: s.score });
  });
  const ordered = [...sheets.keys()].sort(compareUtf8);
  for (const entry of ordered)
    for (const judge of judges)
      for (const c of criteria)
        if (!sheets.get(entry)?.has(JSON.stringify([judge, c.id])))
          throw new OpsError({
            code: "invalid_argument",
            fn,
            path: path.scores,
            rule: `must include every score: judge ${judge} has no score for entry ${entry} on criterion ${c.id}`,
          });
  return ordered.map((entry, index) => {
    const list = [...(sheets.get(entry) as Map<string, SheetScore>).values()].sort(compareSheetScores);
    return { entry, scores: list, leaf: sheetLeaf(entry, list), index, total: sheetTotal(list, byId) as number };
  });
}

/** SHA-256(0x00 ‖ UTF-8(JCS({ entry, scores }))) of a sheet (§11.5). */
export function sheetLeaf(entry: string, scores: readonly SheetScore[]): Uint8Array {
  return recordLeaf({ entry, scores: scores.map((s) => ({ judge: s.judge, criterion: s.criterion, score: s.score })) });
}

/** A ranked row of an award. */
export interface AwardRow {
  readonly entry: string;
  readonly total: number;
  readonly tiebreak: string;
}

/** §11.5 order: total ↓, tiebreak ↑, UTF-8(entry) ↑. */
export function compareAwardRows(a: AwardRow, b: AwardRow): number {
  return (
    b.total - a.total ||
    (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0) ||
    compareUtf8(a.entry, b.entry)
  );
}

/** The sheets ranked (§11.5), each with its tie-break. */
export function rankSheets(sheets: readonly Sheet[], seed: Uint8Array): (Sheet & AwardRow)[] {
  return sheets.map((s) => ({ ...s, tiebreak: tiebreak(seed, s.entry) })).sort(compareAwardRows);
}
