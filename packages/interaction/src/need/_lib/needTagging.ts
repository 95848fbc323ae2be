import { assertCompiled as coreAssertCompiled, findKeywords } from "@ops/core";
import type { Interaction } from "../../model/Interaction";
import type { CompiledNeedRules } from "../compileNeedRules";

/** Throws unless `value` came from `compileNeedRules` (its brand, not its shape). */
export function assertCompiled(value: unknown, fn: string): asserts value is CompiledNeedRules {
  coreAssertCompiled(value, "interaction.needRules", "compileNeedRules", fn, ["compiled"]);
}

/** Tags of one interaction without argument checks (for loops that checked once). */
export function tagsOf(compiled: CompiledNeedRules, x: Interaction): string[] {
  const raw = x.content?.text;
  if (raw === undefined || raw === "") return [];
  let found: ReadonlySet<string> | null = null; // the keywords in the text, scanned once when a rule needs them
  const has = (keyword: string): boolean => {
    found ??= new Set(compiled.matcher ? findKeywords(compiled.matcher, raw).map((h) => h.normalized) : []);
    return found.has(keyword);
  };
  const out = new Set<string>();
  for (const r of compiled.rules) {
    if (out.has(r.tag)) continue;
    if (!r.directions.has(x.direction)) continue;
    if (r.kinds !== null && !r.kinds.has(x.kind)) continue;
    if (x.visibility === "internal_note") continue;
    if (!r.any.some(has)) continue;
    if (!r.all.every(has)) continue;
    if (r.none.some(has)) continue;
    out.add(r.tag);
  }
  return [...out].sort();
}
