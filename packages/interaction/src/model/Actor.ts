import * as z from "zod/mini";
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
export const ActorKindSchema = /* @__PURE__ */ (() => z.enum(["person", "brand", "agent", "bot"]))();

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
export const AttributeValueSchema = /* @__PURE__ */ (() =>
  z.union([
    z.string().check(z.maxLength(4096)),
    z.number(),
    z.boolean(),
    z.array(z.string().check(z.maxLength(4096))).check(z.maxLength(1000)),
  ]))();

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
export const ActorSchema = /* @__PURE__ */ (() =>
  z.object({
    id: ActorIdSchema,
    kind: ActorKindSchema,
    displayName: z.optional(z.string().check(z.maxLength(256))),
    identities: z.array(ActorRefSchema).check(z.minLength(1, { error: "must list at least one platform identity" })),
    attributes: z._default(z.record(z.string().check(z.minLength(1), z.maxLength(128)), AttributeValueSchema), {}),
    mergedFrom: z._default(z.array(ActorIdSchema), []),
  }))();
