import { checkOptions } from "../_lib/checkOptions";
import { actorKey, OpsError, parseOrThrow, type ActorId, type ActorRef } from "@ops/core";
import * as z from "zod/mini";
import { ActorSchema, type Actor, type AttributeValue } from "../model/Actor";
import { ActorIdSchema } from "../model/IdSchemas";

/** Options of {@link mergeActors}. */
export interface MergeActorsOptions {
  /**
   * Pairs of actor ids known to be the same person although they share no identity —
   * e.g. matched by WeChat UnionID, a phone number or a CRM id the integrator holds.
   */
  readonly links?: readonly (readonly [ActorId, ActorId])[];
}

/** An attribute whose values disagree between merged actors; `kept` won, `dropped` lost. */
export interface AttributeConflict {
  readonly actorId: ActorId;
  readonly key: string;
  readonly kept: AttributeValue;
  readonly dropped: readonly AttributeValue[];
}

/** What {@link mergeActors} returns. */
export interface MergedActors {
  /** The merged actors, in the input order of their survivors. */
  readonly actors: readonly Actor[];
  /** Every input actor id → the id of the actor it now belongs to (itself for survivors). */
  readonly idMap: ReadonlyMap<ActorId, ActorId>;
  /** Attribute values (and kinds, under key `"kind"`) that disagreed. */
  readonly conflicts: readonly AttributeConflict[];
}

const InputSchema = /* @__PURE__ */ (() => z.array(ActorSchema))();
const LinksSchema = /* @__PURE__ */ (() => z.array(z.tuple([ActorIdSchema, ActorIdSchema])))();

/**
 * Merges actors that are the same person: those that share a platform identity (same
 * `actorKey`: platform, scope and user id) and those joined by `options.links`, transitively
 * (union–find). Platform ids are scoped (a WeChat OpenID is per account, an Instagram IGSID
 * per business account), so two identities on different accounts only merge through a link.
 *
 * The survivor of a group is its first actor in input order (put the canonical record
 * first); it keeps its id, kind and display name (the first one defined). Identities are
 * united without duplicates. Attributes: list values are united (order kept); for other
 * values the survivor's (then the earlier actor's) value wins and the disagreement is
 * reported in `conflicts`. `mergedFrom` collects the ids folded in.
 *
 * @param actors - the actors; not mutated
 * @param options - explicit `links` between actor ids
 * @returns merged actors, the id map and the conflicts
 * @throws {OpsError} `invalid_argument` for a malformed actor or link; `duplicate` for two actors with one id; `not_found` for a link to an unknown id
 *
 * @example
 * ```ts
 * import { mergeActors } from "@ops/interaction";
 * const wx = { platform: "wechat_oa", scope: "gh_1", userId: "oA" };
 * const dy = { platform: "douyin", scope: "aw_1", userId: "_000b" };
 * const merged = mergeActors([
 *   { id: "a1", kind: "person", identities: [wx], attributes: { skinType: "dry", pastPurchases: ["cleanser"] } },
 *   { id: "a2", kind: "person", identities: [dy], attributes: { skinType: "sensitive", pastPurchases: ["toner"] } },
 * ] as never, { links: [["a1", "a2"]] as never });
 * const a = merged.actors[0]!;
 * [merged.actors.length, a.attributes.pastPurchases, a.mergedFrom, merged.conflicts[0]?.dropped];
 * // => [1, ["cleanser", "toner"], ["a2"], ["sensitive"]]
 * ```
 */
export function mergeActors(actors: readonly Actor[], options: MergeActorsOptions = {}): MergedActors {
  const fn = "mergeActors";
  const list = parseOrThrow(InputSchema, actors, { fn, path: ["actors"] });
  checkOptions(options, fn);
  const links = parseOrThrow(LinksSchema, options.links ?? [], { fn, path: ["options", "links"] });
  const indexOf = new Map<string, number>();
  list.forEach((a, i) => {
    if (indexOf.has(a.id))
      throw new OpsError({
        code: "duplicate",
        fn,
        path: ["actors", i, "id"],
        rule: "must be unique among the actors",
        received: a.id,
      });
    indexOf.set(a.id, i);
  });
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    let c = i;
    while (parent[c] !== r) {
      const next = parent[c] as number;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  };
  const byIdentity = new Map<string, number>();
  list.forEach((a, i) => {
    for (const ref of a.identities) {
      const k = actorKey(ref);
      const j = byIdentity.get(k);
      if (j === undefined) byIdentity.set(k, i);
      else union(i, j);
    }
  });
  links.forEach(([x, y], li) => {
    const i = indexOf.get(x);
    const j = indexOf.get(y);
    if (i === undefined || j === undefined) {
      throw new OpsError({
        code: "not_found",
        fn,
        path: ["options", "links", li, i === undefined ? 0 : 1],
        rule: "must name an actor id present in actors",
        received: i === undefined ? x : y,
      });
    }
    union(i, j);
  });
  const groups = new Map<number, Actor[]>();
  list.forEach((a, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [a]);
    else g.push(a);
  });
  const out: Actor[] = [];
  const idMap = new Map<ActorId, ActorId>();
  const conflicts: AttributeConflict[] = [];
  for (const group of groups.values()) {
    const merged = mergeGroup(group, conflicts);
    out.push(merged);
    for (const a of group) idMap.set(a.id, merged.id);
  }
  return { actors: out, idMap, conflicts };
}

function mergeGroup(group: readonly Actor[], conflicts: AttributeConflict[]): Actor {
  const head = group[0] as Actor;
  if (group.length === 1)
    return {
      ...head,
      identities: head.identities.map((r) => ({ ...r })),
      attributes: { ...head.attributes },
      mergedFrom: [...head.mergedFrom],
    };
  const identities: ActorRef[] = [];
  const seen = new Set<string>();
  const attributes: Record<string, AttributeValue> = {};
  const dropped = new Map<string, AttributeValue[]>();
  const mergedFrom: ActorId[] = [];
  const kinds: AttributeValue[] = [];
  let displayName: string | undefined;
  for (const a of group) {
    displayName ??= a.displayName;
    if (a.kind !== head.kind && !kinds.includes(a.kind)) kinds.push(a.kind);
    for (const ref of a.identities) {
      const k = actorKey(ref);
      if (!seen.has(k)) {
        seen.add(k);
        identities.push({ ...ref });
      }
    }
    for (const [key, value] of Object.entries(a.attributes)) {
      const current = attributes[key];
      if (current === undefined) attributes[key] = Array.isArray(value) ? [...value] : value;
      else if (Array.isArray(current) && Array.isArray(value)) attributes[key] = [...new Set([...current, ...value])];
      else if (!sameValue(current, value)) {
        const d = dropped.get(key) ?? [];
        d.push(value);
        dropped.set(key, d);
      }
    }
    if (a !== head) mergedFrom.push(a.id);
    for (const id of a.mergedFrom) if (!mergedFrom.includes(id)) mergedFrom.push(id);
  }
  if (kinds.length > 0) conflicts.push({ actorId: head.id, key: "kind", kept: head.kind, dropped: kinds });
  for (const [key, values] of dropped)
    conflicts.push({ actorId: head.id, key, kept: attributes[key] as AttributeValue, dropped: values });
  const merged: Actor = { id: head.id, kind: head.kind, identities, attributes, mergedFrom };
  return displayName === undefined ? merged : { ...merged, displayName };
}

function sameValue(a: AttributeValue, b: AttributeValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
