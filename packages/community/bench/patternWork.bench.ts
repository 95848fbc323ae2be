// Pattern work: how long `evaluate` takes on a 5 000-unit adversarial message for accepted
// user patterns that sit at or near the guard's limits (checkRegexSafety's work estimate
// and path budget), and what the refused patterns of issue 20 would have cost unguarded.
// Run: `pnpm bench patternWork` from packages/community (hand-timed; prints a table).
import { loadavg } from "node:os";
import { checkRegexSafety, compileRules, evaluate } from "@ops/community";
import { windowWork } from "../src/rule/_lib/backtrackingWork";
import { foldTree } from "../src/rule/_lib/caseFolding";
import { parseRegex } from "../src/rule/_lib/regexAst";

const LENGTH = 5_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);

/** Accepted patterns, each with the inputs that make a backtracking engine work hardest on it. */
const accepted: { source: string; flags?: string; inputs: string[] }[] = [
  { source: "[a-z]+@", inputs: [fill("a")] },
  { source: "[Я-я]+@", inputs: [fill("Я")] },
  { source: "[a-z0-9._-]+@[a-z0-9-]+\\.[a-z]{2,}", inputs: [fill("a"), fill("a@"), `a@${fill("b")}`] },
  { source: "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}", inputs: [fill("a"), fill("汉"), `a@${fill("汉")}`, fill("😀")] },
  { source: "(?:[Я-я]+@|[Я-я]+#|[Я-я]+\\$)", inputs: [fill("Я")] },
  { source: ".+@", inputs: [fill("a"), fill("汉"), fill("😀")] },
  { source: ".{0,15}x.{0,15}y", inputs: [fill("x")] },
  { source: ".{0,15}ｘ.{0,15}ｙ", inputs: [fill("ｘ")] },
  { source: "\\w+\\s?\\d?!", inputs: [fill("a"), fill("a1"), fill("1")] },
  { source: "\\d+\\s?[a-z]+\\s?\\d+x", inputs: [fill("1a"), fill("1 a "), fill("a")] },
  { source: "^.*x.*y", inputs: [fill("x")] },
  { source: "^(?=.*\\d)(?=.*[a-z]).{8,}$", inputs: [`${fill("a")}\n`] },
  { source: "(?=.*a)x", inputs: [fill("a"), fill("汉")] },
  { source: "[a-z]+1[a-z]+2[a-z]+3", inputs: [fill("a"), fill("a1"), fill("a1a2")] },
  { source: "加.{0,5}微.{0,5}信", inputs: [fill("加微"), fill("加")] },
  { source: "(?:é|e)+$", flags: "i", inputs: [`${fill("é")}!`] },
  { source: "[a-zà-ÿ]+!", flags: "i", inputs: [fill("É")] },
  { source: "\\p{sc=Han}{4,}x", inputs: [fill("汉")] },
  { source: "\\p{L}{1,85}@", inputs: [fill("a"), fill("汉"), fill("Я")] },
  { source: "\\p{Lu}{1,85}x", flags: "i", inputs: [fill("a"), fill("я")] },
  { source: ".*(?:a|b|c|d)x+", inputs: [fill("a"), fill("汉")] },
];

function bestMs(run: () => void, rounds = 5): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const work = (source: string, flags = ""): number => {
  const tree = parseRegex(source, flags.includes("s"));
  return windowWork(flags.includes("i") ? foldTree(tree) : tree, flags.includes("m"));
};

const rows = accepted.map(({ source, flags, inputs }) => {
  const verdict = checkRegexSafety(source, flags);
  if (!verdict.ok) throw new Error(`${source} should be accepted, got ${verdict.error.code}`);
  const rules = compileRules([
    {
      id: "p",
      triggers: [{ kind: "pattern", patterns: [{ source, ...(flags ? { flags } : {}) }], on: "raw" }],
      actions: [{ kind: "hide" }],
    },
  ]);
  let worst = 0;
  for (const text of inputs) {
    evaluate({ id: "w", actor: "a", text: text.slice(0, 500), at: 0 }, rules); // warm-up
    worst = Math.max(
      worst,
      bestMs(() => evaluate({ id: "m", actor: "a", text, at: 0 }, rules)),
    );
  }
  return {
    pattern: `/${source}/${flags ?? ""}`,
    "estimated steps / window": work(source, flags),
    "worst ms / 5 000 units": Number(worst.toFixed(1)),
  };
});

// what the refused patterns of issue 20 cost when run bare (no guard, no windows), on small inputs
const refused = [
  { source: "(?:é|É)+$", flags: "iu", text: `${"é".repeat(20)}!`, note: "20 é + !" },
  { source: ".*x.*x.*x.*y", flags: "u", text: "x".repeat(60), note: "60 x" },
  { source: ".*x.*y", flags: "u", text: "x".repeat(1_000), note: "1 000 x" },
  { source: "\\p{L}+@", flags: "u", text: "Я".repeat(5_000), note: "5 000 Я" },
].map(({ source, flags, text, note }) => {
  const re = new RegExp(source, flags);
  const verdict = checkRegexSafety(source, flags.replace("u", ""));
  return {
    pattern: `/${source}/${flags}`,
    verdict: verdict.ok ? "ok" : verdict.error.code,
    input: note,
    "bare ms": Number(bestMs(() => re.test(text), 1).toFixed(1)),
  };
});

console.log(
  `accepted patterns on ${LENGTH}-unit messages (evaluate, one pattern trigger on the raw text; best of 5 per input, worst input)`,
);
console.table(rows);
console.log("refused patterns, run bare on small inputs (one run)");
console.table(refused);
const c0 = performance.now();
let acc = 0;
for (let i = 0; i < 1e8; i++) acc += i & 1;
console.log(
  `node ${process.version}; calibration: 1e8 loop iterations in ${(performance.now() - c0).toFixed(0)} ms (acc ${acc}); load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
