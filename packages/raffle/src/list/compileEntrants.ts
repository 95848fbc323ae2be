import { OpsError } from "@ops/core";
import * as z from "zod/mini";
import { bytesToHex } from "../_lib/bytes";
import { hashLeaf, MAX_ID_BYTES } from "../_lib/leaf";
import { createRootBuilder } from "../_lib/merkle";
import { createScratch } from "../_lib/sha256";
import { compareUtf8 } from "../_lib/utf8Order";
import { pseudonymFor } from "../_lib/pseudonym";

const UNASSIGNED = /\p{Cn}/u;

/** Largest number of chances one entrant may hold. */
export const MAX_WEIGHT = 1_000_000;

/**
 * Schema of one entrant as given to {@link compileEntrants}: its canonical id (see
 * {@link entrantId}) and its number of chances (an integer from 1 to 1 000 000, default 1).
 *
 * @example
 * ```ts
 * import { EntrantSchema } from "@ops/raffle";
 * EntrantSchema.parse({ id: "weibo::1669879400" });
 * // => { id: "weibo::1669879400", weight: 1 }
 * ```
 */
export const EntrantSchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().check(z.minLength(1), z.maxLength(MAX_ID_BYTES)),
    weight: z._default(z.int().check(z.minimum(1), z.maximum(MAX_WEIGHT)), 1),
  }))();

/** One entrant as callers give it. */
export type EntrantInput = z.input<typeof EntrantSchema>;

/**
 * A columnar entrant list, the compact alternative to an array of `{ id, weight }` records
 * for large draws: `ids[i]` has `weights[i]` chances (every weight is 1 when `weights` is
 * omitted). It compiles to exactly the same list as the records; at 10 M entrants it spares
 * the caller the ten million small objects (about 0.3 GB of heap).
 */
export interface EntrantColumns {
  readonly ids: readonly string[];
  /** Same length as `ids`; a `Uint32Array` is the compact choice. */
  readonly weights?: ArrayLike<number>;
}

/** Options of {@link compileEntrants}. */
export interface CompileEntrantsOptions {
  /**
   * `"public"` (default): the list ids are the canonical ids. `"pseudonymous"`: each list id
   * is the keyed hash of the canonical id (see {@link entrantReceipt}); `auditKey` is required.
   */
  readonly privacy?: "public" | "pseudonymous";
  /** 32 bytes as 64 hex digits; the key auditors receive. Required in pseudonymous mode. */
  readonly auditKey?: string;
  /** Largest weight allowed (the spec's `weights.max`). Default 1 000 000. */
  readonly maxWeight?: number;
  /**
   * Keep the leaf hashes (32 bytes per entrant) for fast inclusion proofs. Default true;
   * false saves 320 MB at 10 M entrants, and each {@link inclusionProof} then re-hashes the
   * leaves.
   */
  readonly retainLeafHashes?: boolean;
}

/**
 * A compiled, canonical entrant list: de-duplicated, sorted by the UTF-8 bytes of the list
 * ids, with its RFC 6962 Merkle root. Build it once with {@link compileEntrants}; draws,
 * proofs and verification read it without re-validating. Treat every field as read-only.
 */
export interface EntrantList {
  readonly kind: "ops-raffle/entrant-list";
  readonly privacy: "public" | "pseudonymous";
  /** Number of distinct entrants. */
  readonly size: number;
  /** Sum of the weights. */
  readonly totalWeight: number;
  /** Merkle root, 64 hex digits — the `listRoot` published before the randomness exists. */
  readonly root: string;
  /** List ids in canonical order (canonical ids, or pseudonyms in pseudonymous mode). */
  readonly ids: readonly string[];
  /** Weight of `ids[i]`. */
  readonly weights: Uint32Array;
  /** UTF-8 bytes of all ids back to back; id i is `idBytes[idOffsets[i] … idOffsets[i+1])`. */
  readonly idBytes: Uint8Array;
  readonly idOffsets: Uint32Array;
  /** Leaf hashes, 32 bytes each, in list order; null when not retained. */
  readonly leafHashes: Uint8Array | null;
  /** Entries that appeared more than once with the same weight and were merged. */
  readonly duplicatesMerged: number;
}

/**
 * Builds the canonical entrant list: NFC-normalises each id, maps it to its list id
 * (itself, or its pseudonym), merges exact duplicates, sorts by UTF-8 bytes (code point
 * order, not JavaScript's UTF-16 order) and computes the Merkle root.
 *
 * Leaf = SHA-256(0x00 ‖ u16be(byte length of id) ‖ UTF-8(id) ‖ u32be(weight));
 * node = SHA-256(0x01 ‖ left ‖ right); tree shape of RFC 6962 §2.1
 * (https://www.rfc-editor.org/rfc/rfc6962#section-2.1); the root of an empty list is
 * SHA-256 of the empty string. Cost: one leaf hash per entrant and n − 1 node hashes.
 *
 * @param entrants - `{ id, weight? }` records, or {@link EntrantColumns} (not mutated)
 * @param options - privacy mode, audit key, largest weight
 * @returns the compiled {@link EntrantList}
 * @throws {OpsError} `invalid_argument` for a bad id (empty, over 1024 UTF-8 bytes after NFC,
 *   control characters, unpaired surrogate, a code point unassigned in Unicode) or weight (not an integer in 1…maxWeight); `duplicate`
 *   for one id listed with two different weights
 *
 * @example
 * ```ts
 * import { compileEntrants } from "@ops/raffle";
 * const list = compileEntrants([{ id: "weibo::2" }, { id: "weibo::10", weight: 3 }, { id: "weibo::2" }]);
 * list.ids;
 * // => ["weibo::10", "weibo::2"]
 * [list.size, list.totalWeight, list.duplicatesMerged];
 * // => [2, 4, 1]
 * compileEntrants({ ids: ["weibo::2", "weibo::10", "weibo::2"], weights: [1, 3, 1] }).root === list.root;
 * // => true
 * ```
 */
export function compileEntrants(
  entrants: readonly EntrantInput[] | EntrantColumns,
  options: CompileEntrantsOptions = {},
): EntrantList {
  const fn = "compileEntrants";
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options"],
      rule: "must be an object",
      received: options,
    });
  if (options.privacy !== undefined && options.privacy !== "public" && options.privacy !== "pseudonymous")
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "privacy"],
      rule: 'must be "public" or "pseudonymous"',
      received: options.privacy,
    });
  const columns = Array.isArray(entrants) ? null : checkColumns(entrants as EntrantColumns, fn);
  const records = columns === null ? (entrants as readonly EntrantInput[]) : null;
  const count = columns === null ? (records as readonly EntrantInput[]).length : columns.ids.length;
  const privacy = options.privacy ?? "public";
  const maxWeight = options.maxWeight ?? MAX_WEIGHT;
  if (!Number.isInteger(maxWeight) || maxWeight < 1 || maxWeight > MAX_WEIGHT) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "maxWeight"],
      rule: "must be an integer from 1 to 1000000",
      received: maxWeight,
    });
  }
  if (
    privacy === "pseudonymous" &&
    (typeof options.auditKey !== "string" || !/^[0-9a-fA-F]{64}$/.test(options.auditKey))
  ) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["options", "auditKey"],
      rule: "must be 32 bytes as 64 hex digits in pseudonymous mode",
      received: options.auditKey,
    });
  }
  // Sort the list ids themselves (a native string sort, no per-entry objects); weights
  // other than 1 wait in a map with their number of occurrences, so that copies of an id
  // with different weights are caught after sorting.
  const ids = new Array<string>(count);
  const seen = { astral: false };
  let heavy: Map<string, { weight: number; copies: number }> | null = null;
  for (let i = 0; i < count; i++) {
    const e = records === null ? undefined : (records[i] as EntrantInput | undefined);
    const id = checkId(columns === null ? e?.id : columns.ids[i], i, fn, seen);
    const weight = columns === null ? (e?.weight ?? 1) : columns.weights === undefined ? 1 : columns.weights[i];
    if (typeof weight !== "number" || !Number.isInteger(weight) || weight < 1 || weight > maxWeight) {
      throw new OpsError({
        code: "invalid_argument",
        fn,
        path: ["entrants", i, "weight"],
        rule: `must be an integer from 1 to ${maxWeight}`,
        received: weight,
      });
    }
    const listId = privacy === "pseudonymous" ? pseudonymFor(options.auditKey as string, id) : id;
    ids[i] = listId;
    if (weight !== 1) {
      heavy ??= new Map();
      const prior = heavy.get(listId);
      if (prior === undefined) heavy.set(listId, { weight, copies: 1 });
      else if (prior.weight === weight) prior.copies++;
      else throw duplicateWeights(listId, prior.weight, weight);
    }
  }
  if (seen.astral && privacy === "public") ids.sort(compareUtf8);
  else ids.sort();
  const weightList = new Uint32Array(ids.length);
  let merged = 0;
  let write = 0;
  for (let r = 0; r < ids.length; ) {
    const id = ids[r] as string;
    let end = r + 1;
    while (end < ids.length && ids[end] === id) end++;
    const entry = heavy?.get(id);
    if (entry !== undefined && entry.copies !== end - r) throw duplicateWeights(id, 1, entry.weight);
    merged += end - r - 1;
    ids[write++] = id;
    weightList[write - 1] = entry === undefined ? 1 : entry.weight;
    r = end;
  }
  ids.length = write;
  return buildList(ids, weightList.subarray(0, write), privacy, merged, options.retainLeafHashes ?? true);
}

function duplicateWeights(id: string, a: number, b: number): OpsError {
  return new OpsError({
    code: "duplicate",
    fn: "compileEntrants",
    path: ["entrants"],
    rule: `must not list one id with two different weights (${a} and ${b})`,
    received: id,
  });
}

function checkColumns(value: EntrantColumns, fn: string): EntrantColumns {
  const ids = (value as { ids?: unknown } | null)?.ids;
  if (typeof value !== "object" || value === null || !Array.isArray(ids)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants"],
      rule: "must be an array of { id, weight } or columns { ids, weights? }",
      received: value,
    });
  }
  const weights = value.weights;
  if (weights !== undefined && (typeof weights !== "object" || weights === null || weights.length !== ids.length)) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants", "weights"],
      rule: `must have one weight per id (${ids.length})`,
      received: weights,
    });
  }
  return value;
}

function checkId(raw: unknown, i: number, fn: string, seen: { astral: boolean }): string {
  // One pass over the code units: refuse control characters and unpaired surrogates, and
  // skip NFC (an ICU call) for pure ASCII ids, which are always in NFC.
  let ascii = typeof raw === "string" && raw.length > 0;
  let bad = !ascii;
  if (typeof raw === "string") {
    for (let k = 0; k < raw.length && !bad; k++) {
      const c = raw.charCodeAt(k);
      if (c < 0x20 || c === 0x7f) bad = true;
      else if (c > 0x7f) {
        ascii = false;
        if (c >= 0xd800 && c <= 0xdbff) {
          const next = raw.charCodeAt(k + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            k++;
            seen.astral = true;
          } else bad = true;
        } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
      }
    }
  }
  if (bad) {
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants", i, "id"],
      rule: "must be a non-empty canonical id without control characters or unpaired surrogates",
      received: raw,
    });
  }
  // A code point unassigned in this engine's Unicode version could normalise differently in
  // a later one; refused, so that every implementation that accepts an id agrees on its NFC
  // (Unicode's normalization stability policy covers assigned code points only).
  if (!ascii && UNASSIGNED.test(raw as string))
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants", i, "id"],
      rule: "must not contain a code point unassigned in Unicode (General_Category Cn)",
      received: raw,
    });
  const id = ascii ? (raw as string) : (raw as string).normalize("NFC");
  if (id.length > MAX_ID_BYTES)
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["entrants", i, "id"],
      rule: `must be at most ${MAX_ID_BYTES} UTF-8 bytes`,
      received: raw,
    });
  return id;
}

function buildList(
  ids: string[],
  weights: Uint32Array,
  privacy: "public" | "pseudonymous",
  merged: number,
  retain: boolean,
): EntrantList {
  const n = ids.length;
  const encoder = new TextEncoder();
  let capacity = 0;
  for (const id of ids) capacity += utf8Length(id);
  const buffer = new Uint8Array(capacity);
  const offsets = new Uint32Array(n + 1);
  const leaves = retain ? new Uint8Array(32 * n) : null;
  const leaf = new Uint8Array(32);
  const root = createRootBuilder();
  const scratch = createScratch();
  const msg = new Uint8Array(7 + MAX_ID_BYTES + 64);
  let pos = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const written = encoder.encodeInto(ids[i] as string, buffer.subarray(pos)).written;
    if (written > MAX_ID_BYTES)
      throw new OpsError({
        code: "invalid_argument",
        fn: "compileEntrants",
        path: ["entrants"],
        rule: `ids must be at most ${MAX_ID_BYTES} UTF-8 bytes`,
        received: ids[i],
      });
    const weight = weights[i] as number;
    total += weight;
    hashLeaf(scratch, msg, buffer, pos, written, weight, leaf, 0);
    root.push(leaf, 0);
    if (leaves) leaves.set(leaf, 32 * i);
    pos += written;
    offsets[i + 1] = pos;
  }
  return Object.freeze({
    kind: "ops-raffle/entrant-list",
    privacy,
    size: n,
    totalWeight: total,
    root: bytesToHex(root.finish()),
    ids: Object.freeze(ids),
    weights,
    idBytes: buffer,
    idOffsets: offsets,
    leafHashes: leaves,
    duplicatesMerged: merged,
  });
}

/** Exact UTF-8 byte length of a well-formed string (so the id buffer is allocated once). */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    // 2 bytes below U+0800, 3 above, 4 per surrogate pair (2 + 2 over the 2 code units)
    if (c >= 0x80) bytes += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
  }
  return bytes;
}
