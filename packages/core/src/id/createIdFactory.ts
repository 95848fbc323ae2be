import * as z from "zod/mini";
import { OpsError } from "../error/OpsError";
import type { RandomSource } from "../random/createRandom";

declare const brand: unique symbol;

/**
 * A string id branded with the kind of thing it names, so that an `Id<"actor">` cannot be
 * passed where an `Id<"thread">` is expected. At run time it is a plain string.
 */
export type Id<B extends string> = string & { readonly [brand]: B };

/** Id of an actor (a person, brand, agent or bot). */
export type ActorId = Id<"actor">;
/** Id of a channel (one account on one platform). */
export type ChannelId = Id<"channel">;
/** Id of an interaction (a comment, DM, like, …). */
export type InteractionId = Id<"interaction">;
/** Id of a conversation thread. */
export type ThreadId = Id<"thread">;
/** Id of a campaign (a lucky draw, quiz or contest). */
export type CampaignId = Id<"campaign">;
/** Id of a feedback item. */
export type FeedbackId = Id<"feedback">;

/** The URL-safe alphabet nanoid uses by default (A–Z a–z 0–9 _ -). */
export const ID_ALPHABET = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";

/**
 * Schema of an id: a non-empty string of at most 256 characters without control
 * characters. Ids from platforms (WeChat OpenIDs, tweet ids) pass as they are.
 *
 * @example
 * ```ts
 * import { IdSchema } from "@ops/core";
 * IdSchema.safeParse("o6_bmjrPTlm6_2sgVt7hMZOPfL2M").success;
 * // => true
 * IdSchema.safeParse("").success;
 * // => false
 * ```
 */
export const IdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.minLength(1, { error: "must be a non-empty string" }),
      z.maxLength(256, { error: "must be at most 256 characters" }),
      z.regex(/^[^\u0000-\u001f\u007f]*$/, { error: "must not contain control characters" }),
    ))();

/** Options of {@link createIdFactory}. */
export interface IdFactoryOptions {
  /** Text put before every id, e.g. `"fb_"`. Default `""`. */
  readonly prefix?: string;
  /** Number of random characters, 8–64. Default 21 (nanoid's, ~126 bits). */
  readonly size?: number;
  /**
   * Where the randomness comes from — required, as every source of randomness in \@ops is an
   * argument. A {@link RandomSource} (see `createRandom`) draws `size` characters of
   * {@link ID_ALPHABET} with nanoid's algorithm: the same ids on every run, for tests and
   * sample data. Any function returning a fresh id string is used as it is: in production,
   * `() => crypto.randomUUID()` or your own nanoid.
   */
  readonly generator: RandomSource | (() => string);
}

/**
 * Makes a function that returns new ids of one brand, from the randomness you pass: a
 * seeded {@link RandomSource} gives the same ids on every run; a function such as
 * `() => crypto.randomUUID()` gives fresh ones.
 *
 * @param options - prefix, size and generator
 * @returns a function that returns a new id on each call
 * @throws {OpsError} `invalid_argument` for options that are not an object, a size outside 8–64, a prefix with characters outside the alphabet, or no generator
 *
 * @example
 * ```ts
 * import { createIdFactory, createRandom, type FeedbackId } from "@ops/core";
 * const newFeedbackId = createIdFactory<"feedback">({ prefix: "fb_", size: 10, generator: createRandom(42) });
 * const id: FeedbackId = newFeedbackId();
 * id.startsWith("fb_") && id.length === 13;
 * // => true
 * const newThreadId = createIdFactory<"thread">({ generator: () => crypto.randomUUID() });
 * newThreadId().length;
 * // => 36
 * ```
 */
export function createIdFactory<B extends string>(options: IdFactoryOptions): () => Id<B> {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "createIdFactory",
      path: ["options"],
      rule: "must be an object { generator, prefix?, size? }",
      received: options,
    });
  }
  const prefix = options.prefix ?? "";
  const size = options.size ?? 21;
  if (!Number.isInteger(size) || size < 8 || size > 64) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "createIdFactory",
      path: ["options", "size"],
      rule: "must be an integer from 8 to 64",
      received: size,
    });
  }
  if (typeof prefix !== "string" || !/^[A-Za-z0-9_-]*$/.test(prefix) || prefix.length > 32) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "createIdFactory",
      path: ["options", "prefix"],
      rule: "must be at most 32 characters of A–Z a–z 0–9 _ -",
      received: prefix,
    });
  }
  const generator = options.generator;
  let next: () => string;
  if (typeof generator === "function") {
    next = generator;
  } else if (typeof generator?.int === "function") {
    next = () => {
      const bytes = new Uint8Array(size);
      for (let i = 0; i < size; i++) bytes[i] = generator.int(0, 256);
      return idFromBytes(bytes);
    };
  } else {
    throw new OpsError({
      code: "invalid_argument",
      fn: "createIdFactory",
      path: ["options", "generator"],
      rule: "must be a RandomSource or a function returning an id (e.g. () => crypto.randomUUID())",
      received: generator,
    });
  }
  return () => {
    const raw = next();
    if (typeof raw !== "string" || raw.length === 0) {
      throw new OpsError({
        code: "invalid_argument",
        fn: "createIdFactory",
        path: ["options", "generator"],
        rule: "must return a non-empty string",
        received: raw,
      });
    }
    return (prefix + raw) as Id<B>;
  };
}

/**
 * nanoid's `customRandom` for a 64-symbol alphabet: one random byte masked to 6 bits picks
 * one symbol uniformly (https://github.com/ai/nanoid/blob/main/index.js). Written here
 * rather than imported: nanoid's Node entry imports `node:crypto`, which breaks
 * `--platform=neutral` bundles, for a loop of three lines.
 */
function idFromBytes(bytes: Uint8Array): string {
  let id = "";
  // last byte first, as nanoid reads them, so seeded ids stay what nanoid produced
  for (let i = bytes.length - 1; i >= 0; i--) id += ID_ALPHABET[(bytes[i] as number) & 63];
  return id;
}
