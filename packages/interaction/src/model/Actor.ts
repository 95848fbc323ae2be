import { z } from "zod";
import { ActorRefSchema } from "@ops/core";
import { ActorIdSchema } from "./IdSchemas";

/** What an actor is: a `person` (a user), the `brand` itself, an `agent` (a team member), a `bot`. */
export type ActorKind = z.output<typeof ActorKindSchema>;

/**
 * Schema of an {@link ActorKind}.
 *
 * @example
 * ```ts
 * import { ActorKindSchema } from "@ops/interaction";
 * ActorKindSchema.options;
 * // => ["person", "brand", "agent", "bot"]
 * ```
 */
export const ActorKindSchema = z.enum(["person", "brand", "agent", "bot"]);

/** A value of an actor attribute: text, a number, a flag, or a list of texts. */
export type AttributeValue = z.output<typeof AttributeValueSchema>;

/**
 * Schema of an {@link AttributeValue}. Numbers must be finite.
 *
 * @example
 * ```ts
 * import { AttributeValueSchema } from "@ops/interaction";
 * AttributeValueSchema.safeParse(["lipstick #12", "cleanser"]).success;
 * // => true
 * ```
 */
export const AttributeValueSchema = z.union([
  z.string().max(4096),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(4096)).max(1000),
]);

/**
 * One person (or brand, agent, bot) across channels. Platform user ids are scoped per
 * account or app (a WeChat OpenID, an Instagram IGSID, a Douyin open_id), so the same
 * person has one `ActorRef` (from `@ops/core`) per channel in `identities`. `attributes` hold what the
 * team knows for personal answers (`skinType: "sensitive"`, `pastPurchases: [...]`).
 * `mergedFrom` lists the ids of actors folded into this one by `mergeActors`.
 */
export type Actor = z.output<typeof ActorSchema>;

/**
 * Schema of an {@link Actor}. `attributes` and `mergedFrom` default to empty; at least one
 * identity is required.
 *
 * @example
 * ```ts
 * import { ActorSchema } from "@ops/interaction";
 * const actor = ActorSchema.parse({
 *   id: "act_1",
 *   kind: "person",
 *   identities: [{ platform: "wechat_oa", scope: "gh_3a8f1c2d9e7b", userId: "oX1y2Z3" }],
 * });
 * [actor.attributes, actor.mergedFrom];
 * // => [{}, []]
 * ```
 */
export const ActorSchema = z.object({
  id: ActorIdSchema,
  kind: ActorKindSchema,
  displayName: z.string().max(256).optional(),
  identities: z.array(ActorRefSchema).min(1, { error: "must list at least one platform identity" }),
  attributes: z.record(z.string().min(1).max(128), AttributeValueSchema).default({}),
  mergedFrom: z.array(ActorIdSchema).default([]),
});
