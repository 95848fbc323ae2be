// Keyword-list memory: compile time and the memory a compiled matcher keeps, for a
// list at the KeywordListSchema maximum (MAX_KEYWORDS) and for a list at MAX_KEYWORD_UNITS with
// no shared prefixes (the most trie nodes the limit allows).
// Run: `pnpm bench keywordMemory` from packages/community (needs --expose-gc, which run-bench passes).
import { loadavg } from "node:os";
import { createRandom } from "@ops/core";
import { compileKeywords, findKeywords, MAX_KEYWORD_UNITS, MAX_KEYWORDS } from "@ops/community";

/** What a compiled matcher holds behind its public fields (the automaton's typed arrays; see \@ops/core's src/text/_lib/ahoCorasick.ts). */
interface CompiledKeywords {
  readonly automaton: Record<string, ArrayBufferView> & { readonly unit: Uint16Array };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const rnd = createRandom(20261202);
const HANZI =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质";
const word = (alphabet: string, min: number, max: number): string => {
  let s = "";
  for (let i = rnd.int(min, max + 1); i > 0; i--) s += alphabet[rnd.int(0, alphabet.length)];
  return s;
};
// flat strings, as a list read from a file or a database would be (not concatenation trees)
const flat = (list: string[]): string[] => JSON.parse(JSON.stringify(list)) as string[];

const lists: { label: string; list: string[] }[] = [
  {
    label: `${MAX_KEYWORDS} keywords: half Chinese 2–4 characters, half English 5–10 letters`,
    list: flat(
      Array.from({ length: MAX_KEYWORDS }, (_, i) =>
        i % 2 === 0 ? word(HANZI, 2, 4) : word("abcdefghijklmnopqrstuvwxyz", 5, 10),
      ),
    ),
  },
  {
    label: `${MAX_KEYWORDS} keywords of 10 random CJK ideographs (${MAX_KEYWORD_UNITS} units, almost no shared prefix)`,
    list: (() => {
      const seen = new Set<string>();
      while (seen.size < MAX_KEYWORDS) {
        let s = "";
        for (let i = 0; i < 10; i++) s += String.fromCharCode(0x4e00 + rnd.int(0, 20_000));
        seen.add(s);
      }
      return flat([...seen]);
    })(),
  },
];

const settle = async (): Promise<NodeJS.MemoryUsage> => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage();
};

const rows = [];
for (const { label, list } of lists) {
  const before = await settle();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const matcher = compileKeywords(list, { boundaries: "none" });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0).user / 1000;
  const after = await settle();
  const automaton = Object.values((matcher as unknown as CompiledKeywords).automaton) as ArrayBufferView[];
  const nodes = (matcher as unknown as CompiledKeywords).automaton.unit.length;
  const units = matcher.keywords.reduce((sum, k) => sum + k.length, 0);
  const hits = findKeywords(matcher, `看这里 ${list[123_457]} !`).length;
  rows.push({
    list: label,
    "distinct keywords": matcher.keywords.length,
    units,
    "trie nodes": nodes,
    "compile s (cpu)": Number((cpu / 1000).toFixed(1)),
    "compile s (wall)": Number((wall / 1000).toFixed(1)),
    "automaton MB": Number((automaton.reduce((s, a) => s + a.byteLength, 0) / 1e6).toFixed(1)),
    "kept heap MB": Number(((after.heapUsed - before.heapUsed) / 1e6).toFixed(1)),
    "kept array buffers MB": Number(((after.arrayBuffers - before.arrayBuffers) / 1e6).toFixed(1)),
    hits,
  });
}
console.table(rows);
console.log(
  `node ${process.version}; max RSS ${(process.resourceUsage().maxRSS / 1e3).toFixed(0)} MB (whole process, lists included); load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
