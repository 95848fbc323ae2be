import { IdSchema, InstantSchema } from "@ops/core";
import * as z from "zod/mini";

/**
 * Schema of a strike as issued: who, under which rule, its weight frozen at the moment of
 * the action (a later change to the rule does not change past strikes), when, and until
 * when it counts (`expiresAt`, exclusive; `null` = until revoked).
 */
export const StrikeSchema = /* @__PURE__ */ (() =>
  z
    .object({
      type: z.literal("strike"),
      id: IdSchema,
      actor: z.string().check(z.minLength(1, { error: "must be a non-empty actor key" })),
      ruleId: IdSchema,
      weight: z
        .number()
        .check(z.positive({ error: "must be a number > 0" }), z.maximum(1000, { error: "must be ≤ 1000" })),
      at: InstantSchema,
      expiresAt: z.nullable(InstantSchema),
      reason: z.optional(z.string().check(z.maxLength(2000))),
    })
    .check(
      z.refine((s) => s.expiresAt === null || s.expiresAt > s.at, { error: "must be after at", path: ["expiresAt"] }),
    ))();

/** An issued strike; see {@link StrikeSchema}. */
export type Strike = z.infer<typeof StrikeSchema>;

/** Schema of a revocation: a moderator takes a strike back from `at` on (the strike itself stays in the log). */
export const StrikeRevocationSchema = /* @__PURE__ */ (() =>
  z.object({
    type: z.literal("revocation"),
    strikeId: IdSchema,
    at: InstantSchema,
    by: z.optional(z.string().check(z.maxLength(256))),
    reason: z.optional(z.string().check(z.maxLength(2000))),
  }))();

/** A revocation entry; see {@link StrikeRevocationSchema}. */
export type StrikeRevocation = z.infer<typeof StrikeRevocationSchema>;

/** Schema of one entry of a strike log. */
export const StrikeLogEntrySchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [StrikeSchema, StrikeRevocationSchema]))();

/** One entry of an append-only strike log: a strike or a revocation. */
export type StrikeLogEntry = Strike | StrikeRevocation;

/** An append-only strike log: entries are added with `appendStrikeEntry`, never changed or removed. */
export type StrikeLog = readonly StrikeLogEntry[];

/** Schema of a {@link StrikeLog} (shape only; `appendStrikeEntry` checks the invariants). */
export const StrikeLogSchema = /* @__PURE__ */ (() => z.array(StrikeLogEntrySchema))();

/** A strike with its state folded from the log: `revokedAt` is the earliest revocation, or null. */
export interface StrikeRecord extends Strike {
  readonly revokedAt: number | null;
}
