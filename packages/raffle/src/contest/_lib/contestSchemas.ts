import { type ErrorPath, OpsError } from "@ops/core";
import * as z from "zod/mini";
import { hasLoneSurrogate, utf8 } from "../../_lib/bytes";

// Schema pieces shared by the quiz and award specs, inputs and certificates
// (docs/raffle-spec.md §11). Private: the public schemas in src/contest/ are built from them.

/** 32 bytes as 64 lower-case hex digits. */
export const Hex32 = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[0-9a-f]{64}$/, { error: "must be 32 bytes as 64 lower-case hex digits" })))();

/** A non-empty name of at most 200 UTF-16 units, without unpaired surrogates. */
export const Name = /* @__PURE__ */ (() =>
  z.string().check(
    z.minLength(1, { error: "must be a non-empty name" }),
    z.maxLength(200),
    z.refine((s) => !hasLoneSurrogate(s), { error: "must not contain an unpaired surrogate" }),
  ))();

/** Text of at most `max` UTF-16 units without unpaired surrogates (it must have a UTF-8 form). */
export function text(max: number) {
  return z.string().check(
    z.maxLength(max),
    z.refine((s) => !hasLoneSurrogate(s), { error: "must not contain an unpaired surrogate" }),
  );
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A list id (docs/raffle-spec.md §4.1): after NFC, 1–1024 bytes of UTF-8 without U+0000–U+001F
 * or U+007F. The length cap of 1024 UTF-16 units runs first, so no long string is normalised.
 */
export const ListIdSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.minLength(1, { error: "must be a non-empty id" }),
    z.maxLength(1024, { error: "must be at most 1024 bytes of UTF-8" }),
    z.refine((s) => !hasLoneSurrogate(s), { error: "must not contain an unpaired surrogate" }),
    z.refine((s) => !CONTROL.test(s), { error: "must not contain U+0000–U+001F or U+007F" }),
    z.refine((s) => utf8(s.normalize("NFC")).length <= 1024, { error: "must be at most 1024 bytes of UTF-8" }),
  ))();

/** A spec's close time: integer epoch milliseconds from 0 to 8.64e15. */
export const CloseAt = /* @__PURE__ */ (() =>
  z.int({ error: "must be integer epoch milliseconds" }).check(z.minimum(0), z.maximum(8.64e15)))();

/** How many places a contest certificate lists: 1 to 1000. */
export const Places = /* @__PURE__ */ (() =>
  z.int({ error: "must be a whole number of places" }).check(z.minimum(1), z.maximum(1000)))();

/** An RFC 6962 audit path: at most 64 hashes. */
export const ProofPath = /* @__PURE__ */ (() => z.array(Hex32).check(z.maxLength(64)))();

/** The randomness member of a v1.1 certificate (docs/raffle-spec.md §9). */
export const CertificateRandomnessSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("drand"),
      chainHash: Hex32,
      round: z.int().check(z.minimum(1)),
      signature: z.string().check(z.regex(/^[0-9a-f]{96}$/, { error: "must be 48 bytes as 96 lower-case hex digits" })),
      randomness: Hex32,
      chainTrust: z.literal(["pinned", "caller"]),
    }),
    z.strictObject({ kind: z.literal("commit"), secret: Hex32, randomness: Hex32 }),
  ]))();

/**
 * Refuses an array longer than `max` before any schema walks it (`out_of_range`); anything
 * that is not an array is left to the schema.
 */
export function checkCount(value: unknown, max: number, fn: string, path: ErrorPath): void {
  if (Array.isArray(value) && value.length > max)
    throw new OpsError({
      code: "out_of_range",
      fn,
      path,
      rule: `must hold at most ${max} items`,
      received: `${value.length} items`,
    });
}
