import type { Interaction } from "../model/Interaction";
import type { CompiledNeedRules } from "./compileNeedRules";
import { assertCompiled, tagsOf } from "./_lib/needTagging";
import { checkInteractions } from "../_lib/checkInteractions";

/**
 * The need / topic tags of one interaction under compiled keyword rules (see
 * `compileNeedRules` for the CJK-aware matching). Internal notes are never tagged; only
 * the directions and kinds a rule names are considered (by default inbound messages).
 *
 * @param compiled - from `compileNeedRules`
 * @param interaction - the interaction; its `content.text` is matched
 * @returns the matching tags, sorted, without duplicates (empty when there is no text)
 * @throws {OpsError} `invalid_argument` for rules not from `compileNeedRules` or a malformed interaction
 *
 * @example
 * ```ts
 * import { compileNeedRules, tagInteraction } from "@ops/interaction";
 * const rules = compileNeedRules([
 *   { tag: "sensitive_skin", any: ["敏感肌", "sensitive skin"], none: ["不敏感"] },
 *   { tag: "sunscreen", any: ["防晒", "SPF", "SPF50"] }, // "SPF" alone is not found inside "SPF50"
 * ]);
 * const dm = { id: "m1", channelId: "ch", kind: "dm", direction: "in", visibility: "private",
 *   actor: { platform: "wechat_oa", scope: "gh_1", userId: "o1" }, platformCreatedAt: 0, receivedAt: 0,
 *   content: { text: "我是敏感肌，油皮用ＳＰＦ５０会闷痘吗？", media: [], hashtags: [] } };
 * tagInteraction(rules, dm as never);
 * // => ["sensitive_skin", "sunscreen"]
 * ```
 */
export function tagInteraction(compiled: CompiledNeedRules, interaction: Interaction): string[] {
  assertCompiled(compiled, "tagInteraction");
  checkInteractions([interaction], "tagInteraction", "interaction");
  return tagsOf(compiled, interaction);
}
