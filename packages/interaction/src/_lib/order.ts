import type { Interaction } from "../model/Interaction";

/** Compares interactions by platform time, then receipt time, then id (a total order). */
export function compareInteractions(a: Interaction, b: Interaction): number {
  return (
    a.platformCreatedAt - b.platformCreatedAt || a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** A new array in chronological order (see {@link compareInteractions}). */
export function chronological(list: readonly Interaction[]): Interaction[] {
  return [...list].sort(compareInteractions);
}

/** Keeps one interaction per id: the one received last (the later one in input order on a tie). */
export function dedupeById(list: readonly Interaction[]): readonly Interaction[] {
  return dedupeIndexed(list).list;
}

/**
 * {@link dedupeById}, also returning the index it built: the position in the input of the
 * copy kept for each id (so that callers need no second id map).
 */
export function dedupeIndexed(list: readonly Interaction[]): {
  readonly list: readonly Interaction[];
  readonly indexOf: ReadonlyMap<string, number>;
} {
  const seen = new Map<string, number>();
  let dupes = false;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as Interaction;
    const j = seen.get(x.id);
    if (j === undefined) seen.set(x.id, i);
    else {
      dupes = true;
      if (x.receivedAt >= (list[j] as Interaction).receivedAt) seen.set(x.id, i);
    }
  }
  if (!dupes) return { list, indexOf: seen };
  const keep = new Set(seen.values());
  return { list: list.filter((_, i) => keep.has(i)), indexOf: seen };
}
