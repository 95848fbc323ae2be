import { actorKey, ActorRefSchema, parseOrThrow, type ActorRef } from "@ops/core";

/**
 * The canonical id of an entrant: `NFC(platform + ":" + scope + ":" + userId)`, where
 * `scope` is the account or app that scopes the platform's user id (WeChat OpenIDs, Douyin
 * open_ids) and `""` for globally unique ids (Weibo uids) — never a nickname. It is
 * `actorKey` of @ops/core, validated.
 *
 * @param actor - `{ platform, scope?, userId }`
 * @returns the canonical id
 * @throws {OpsError} `invalid_argument` if the reference breaks `ActorRefSchema`
 *
 * @example
 * ```ts
 * import { entrantId } from "@ops/raffle";
 * entrantId({ platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" });
 * // => "wechat_oa:gh_3a8f:oX1y2"
 * entrantId({ platform: "weibo", userId: "1669879400" });
 * // => "weibo::1669879400"
 * ```
 */
export function entrantId(
  actor: ActorRef | { readonly platform: string; readonly userId: string; readonly scope?: string },
): string {
  return actorKey(parseOrThrow(ActorRefSchema, actor, { fn: "entrantId", path: ["actor"] }));
}
