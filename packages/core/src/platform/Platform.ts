import { OpsError } from "../error/OpsError";
import * as z from "zod/mini";

/**
 * A platform id: an open, lower-case string, so that an integrator can bring a platform
 * in (`"xiaohongshu"`, `"bilibili"`, `"my_forum"`) without waiting for a release.
 * {@link Platforms} holds the ids \@ops knows.
 */
export type Platform = string;

/**
 * The platform ids that \@ops' own adapters and data use. Any other id matching
 * {@link PlatformSchema} is equally valid.
 *
 * @example
 * ```ts
 * import { Platforms } from "@ops/core";
 * Platforms.WECHAT_OA;
 * // => "wechat_oa"
 * ```
 */
export const Platforms = /* @__PURE__ */ Object.freeze({
  WECHAT_OA: "wechat_oa",
  WECOM: "wecom",
  WEIBO: "weibo",
  DOUYIN: "douyin",
  XIAOHONGSHU: "xiaohongshu",
  BILIBILI: "bilibili",
  KUAISHOU: "kuaishou",
  QQ: "qq",
  X: "x",
  INSTAGRAM: "instagram",
  FACEBOOK: "facebook",
  MESSENGER: "messenger",
  WHATSAPP: "whatsapp",
  TIKTOK: "tiktok",
  YOUTUBE: "youtube",
  EMAIL: "email",
  WEB: "web",
} as const);

/** One of the ids in {@link Platforms}. */
export type KnownPlatform = (typeof Platforms)[keyof typeof Platforms];

/**
 * Schema of a {@link Platform} id: 1–64 characters, starting with a lower-case letter,
 * then lower-case letters, digits, `_`, `-` or `.`.
 *
 * @example
 * ```ts
 * import { PlatformSchema } from "@ops/core";
 * PlatformSchema.safeParse("xiaohongshu").success;
 * // => true
 * PlatformSchema.safeParse("WeChat").success;
 * // => false
 * ```
 */
export const PlatformSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(/^[a-z][a-z0-9_.-]{0,63}$/, {
      error: "must be a lower-case platform id (a–z, 0–9, _ . -; starting with a letter), e.g. wechat_oa",
    }),
  ))();

/**
 * A reference to a channel: one account on one platform (a WeChat Official Account, a
 * Weibo account, an Instagram business account).
 */
export interface ChannelRef {
  readonly platform: Platform;
  /** The platform's id of the account (WeChat's original id gh_…, an IG user id, …). */
  readonly account: string;
}

/**
 * Schema of a {@link ChannelRef}.
 *
 * @example
 * ```ts
 * import { ChannelRefSchema } from "@ops/core";
 * ChannelRefSchema.parse({ platform: "weibo", account: "1234567890" });
 * // => { platform: "weibo", account: "1234567890" }
 * ```
 */
export const ChannelRefSchema = /* @__PURE__ */ (() =>
  z.object({
    platform: PlatformSchema,
    account: z.string().check(z.minLength(1, { error: "must be a non-empty account id" }), z.maxLength(256)),
  }))();

/**
 * A reference to a platform user. Platform user ids are often scoped: a WeChat OpenID or
 * a Douyin open_id is only unique within one account or app, an Instagram IGSID within
 * one business account. `scope` names that account or app; it is `""` for ids that are
 * globally unique on their platform (a Weibo uid, an X user id).
 */
export interface ActorRef {
  readonly platform: Platform;
  /** The account or app that scopes `userId`; `""` when the id is global on the platform. */
  readonly scope: string;
  /** The platform's id of the user — never a nickname. */
  readonly userId: string;
}

/**
 * Schema of an {@link ActorRef}. `scope` defaults to `""`.
 *
 * @example
 * ```ts
 * import { ActorRefSchema } from "@ops/core";
 * ActorRefSchema.parse({ platform: "weibo", userId: "1669879400" });
 * // => { platform: "weibo", scope: "", userId: "1669879400" }
 * ```
 */
export const ActorRefSchema = /* @__PURE__ */ (() =>
  z.object({
    platform: PlatformSchema,
    scope: z._default(z.string().check(z.maxLength(256)), ""),
    userId: z.string().check(z.minLength(1, { error: "must be the platform's non-empty user id" }), z.maxLength(256)),
  }))();

/**
 * The canonical text key of an actor reference, `platform:scope:userId`, NFC-normalised —
 * the form used to de-duplicate actors and to list raffle entrants.
 *
 * @example
 * ```ts
 * import { actorKey } from "@ops/core";
 * actorKey({ platform: "wechat_oa", scope: "gh_3a8f", userId: "oX1y2" });
 * // => "wechat_oa:gh_3a8f:oX1y2"
 * actorKey({ platform: "weibo", scope: "", userId: "1669879400" });
 * // => "weibo::1669879400"
 * ```
 *
 * @param ref - an actor reference; its three fields must be strings (not re-validated: use {@link ActorRefSchema} for that)
 * @returns `platform:scope:userId` in NFC
 * @throws {OpsError} `invalid_argument` when `ref` is not an object or a field is not a string
 */
export function actorKey(ref: ActorRef): string {
  if (typeof ref !== "object" || ref === null) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "actorKey",
      path: ["ref"],
      rule: "must be an object { platform, scope, userId }",
      received: ref,
    });
  }
  for (const field of ["platform", "scope", "userId"] as const) {
    if (typeof ref[field] !== "string") {
      throw new OpsError({
        code: "invalid_argument",
        fn: "actorKey",
        path: ["ref", field],
        rule: "must be a string",
        received: ref[field],
      });
    }
  }
  return `${ref.platform}:${ref.scope}:${ref.userId}`.normalize("NFC");
}
