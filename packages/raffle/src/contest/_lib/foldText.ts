const UNASSIGNED = /\p{Cn}/u;

/** foldAnswer of a string already checked (well-formed, bounded): docs/raffle-spec.md §11.2. */
export function foldText(text: string): string | null {
  return UNASSIGNED.test(text) ? null : text.normalize("NFKC").trim().toLowerCase();
}
