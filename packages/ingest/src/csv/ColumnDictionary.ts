/**
 * One field of a column dictionary: the header names that mean it, in order of preference
 * (the first one present in a file wins), whether a file must have it, and what it means.
 */
export interface ColumnSpec {
  readonly names: readonly string[];
  readonly required: boolean;
  readonly meaning: string;
}

/**
 * A column dictionary: for each field a mapper fills, the headers that carry it. Header
 * names match after Unicode NFKC normalisation (full-width brackets and letters become
 * ASCII), with spaces removed and letters lower-cased: `阅读次数`, `阅读次数 `, `Reads` and
 * `reads` are one header.
 */
export type ColumnDictionary<F extends string = string> = Readonly<Record<F, ColumnSpec>>;
