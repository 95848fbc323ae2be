/**
 * KNOWN_FINDINGS — the reviewed list of what the hostile-input suite (hostile.test.ts) finds
 * today: calls that neither return a valid result nor throw an OpsError.
 *
 * One entry per function (or method of a function's result, or schema) and outcome, with
 * the inputs that produce it: the place the hostile value went (`arg1` is the whole second
 * argument, `arg0[0].at` a field inside the first) and the values there, by their labels in
 * values.ts: a list, `"*"` for every value the fast sweep puts at that place,
 * `{ allBut: [...] }` for all of those but some, or — in an entry of the long run, whose
 * seeded random values have no names worth listing — `"any"`: some value there does it (a
 * call slower than 1 s and one that does not return within 3 s count as the same there).
 * The suite fails on a
 * finding that is not listed, and on a listed input that no longer does what its entry says
 * — when you fix one, delete it here.
 *
 * Issues: raffle → #15, interaction → #18, the sketches of @ops/metrics (src/sketch/) → #17,
 * everything else → #20.
 */
export interface KnownFinding {
  /** `"core.actorKey"`, `"metrics.createHyperLogLog().add"` (a method of the result), `"core.PeriodSchema.safeParse"`. */
  readonly fn: string;
  /** What happens: the error class thrown, `"NaN or ±Infinity in output"`, `"slow (> 1 s)"`, `"does not return (> 3 s)"`. */
  readonly outcome: string;
  /** Place → the hostile values (labels) that do it there: a list, `"*"` (all of them), `{ allBut }` or `"any"`. */
  readonly inputs: Readonly<Record<string, Values>>;
  /** The issue that fixes it. */
  readonly issue: 15 | 17 | 18 | 20;
  /** Seen only in the long run (OPS_HOSTILE_LONG=1). */
  readonly long?: true;
  /** A sample message, for the reader; not compared. */
  readonly note?: string;
}

/**
 * Hostile values by label: these, all the fast sweep tries at the place (`"*"`), all of those
 * but some, or (long entries only) `"any"` of the values the long sweep tries there.
 */
export type Values = readonly string[] | "*" | "any" | { readonly allBut: readonly string[] };

/** What the fast run (the test command) finds. */
const FAST_RUN: readonly KnownFinding[] = [];

/** What only the long run (`node scripts/hostile-long.mjs`) finds: larger, odder and seeded random values. */
const LONG_RUN: readonly KnownFinding[] = [
  // @ops/interaction
  {
    fn: "interaction.actorHistory",
    outcome: "slow (> 1 s)",
    inputs: {
      arg1: "any",
    },
    issue: 18,
    long: true,
    note: "1403 ms, then OpsError invalid_argument",
  },
  {
    fn: "interaction.evaluateReplyWindow",
    outcome: "slow (> 1 s)",
    inputs: {
      arg1: "any",
    },
    issue: 18,
    long: true,
    note: "1210 ms, then OpsError invalid_argument",
  },
  {
    fn: "interaction.mergeActors",
    outcome: "does not return (> 3 s)",
    inputs: {
      arg0: "any",
    },
    issue: 18,
    long: true,
    note: "stopped",
  },
  // @ops/raffle
  {
    fn: "raffle.checkEligibility",
    outcome: "does not return (> 3 s)",
    inputs: {
      "max size: 200 000 comments (no documented maximum)": "any",
    },
    issue: 15,
    long: true,
    note: "stopped",
  },
  {
    fn: "raffle.compileEntrants",
    outcome: "does not return (> 3 s)",
    inputs: {
      "max size: 1 000 000 entrants (no documented maximum)": "any",
    },
    issue: 15,
    long: true,
    note: "stopped",
  },
  {
    fn: "raffle.drawWinners",
    outcome: "does not return (> 3 s)",
    inputs: {
      "max size: 1 000 000 entrants, 100 000 winners (the tier maximum)": "any",
    },
    issue: 15,
    long: true,
    note: "stopped",
  },
];

export const KNOWN_FINDINGS: readonly KnownFinding[] = [...FAST_RUN, ...LONG_RUN];
