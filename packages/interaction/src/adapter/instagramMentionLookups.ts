import * as z from "zod/mini";
import { failure, InstantSchema, type Result } from "@ops/core";
import type { AdapterFailure } from "./PlatformAdapter";
import { instagramEntries } from "./_lib/instagramEntries";
import { arrField, idField, isObj, numField, objField, strField } from "./_lib/read";

/** A Graph API node id: digits only, so that it cannot change the `fields` expression it is put in. */
const GraphIdSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^\d{1,32}$/, { error: "must be a numeric Graph API id" })))();

/** The Graph API call of a lookup: a GET on the account node with one `fields` expression (no host, version or token). */
const LookupRequestSchema = /* @__PURE__ */ (() =>
  z.object({
    method: z.literal("GET"),
    path: z.string().check(z.minLength(2), z.maxLength(64)),
    query: z.object({ fields: z.string().check(z.minLength(1), z.maxLength(512)) }),
  }))();

/**
 * Schema of an {@link InstagramMentionLookup}: the Graph API read that says what an
 * Instagram `mentions` webhook is about. `kind` is `comment` (the account was \@mentioned in
 * a comment: `commentId` and `mediaId`) or `caption` (in a media caption: `mediaId` only);
 * `account` is the mentioned professional account (the webhook's `entry.id`), `notifiedAt`
 * the time Meta sent the notification (`entry.time`, epoch ms), and `request` the call to
 * make: `GET /{ig-user-id}?fields=mentioned_comment.comment_id({comment-id}){…}` or
 * `…mentioned_media.media_id({media-id}){…}`, as Meta's "IG User Mentioned Comment" and
 * "Mentioned Media" references describe.
 *
 * @example
 * ```ts
 * import { InstagramMentionLookupSchema } from "@ops/interaction/adapters";
 * const request = { method: "GET", path: "/17841405726653026", query: { fields: "mentioned_comment.comment_id(1){id}" } } as const;
 * InstagramMentionLookupSchema.safeParse({ kind: "comment", account: "17841405726653026", mediaId: "17918195224117851", request }).success; // no commentId
 * // => false
 * ```
 */
export const InstagramMentionLookupSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("comment"),
      account: GraphIdSchema,
      mediaId: GraphIdSchema,
      commentId: GraphIdSchema,
      notifiedAt: z.optional(InstantSchema),
      request: LookupRequestSchema,
    }),
    z.object({
      kind: z.literal("caption"),
      account: GraphIdSchema,
      mediaId: GraphIdSchema,
      notifiedAt: z.optional(InstantSchema),
      request: LookupRequestSchema,
    }),
  ]))();

/** A Graph API read an Instagram mention needs; see {@link InstagramMentionLookupSchema}. */
export type InstagramMentionLookup = z.output<typeof InstagramMentionLookupSchema>;
/** What {@link InstagramMentionLookupSchema} accepts. */
export type InstagramMentionLookupInput = z.input<typeof InstagramMentionLookupSchema>;

/**
 * The fields each lookup asks for. `id`, `text` and `timestamp` are the fields Meta's "IG
 * User Mentioned Comment" reference lists; `username` is an IG Comment field (that node's
 * `fields` takes "IG Comment Fields", and the IG Comment reference documents `username` as
 * the commenter's), but the Mentioned Comment page does not list it — see the README's
 * "Instagram mentions" section. `id`, `caption`, `timestamp` and `username` ("Username of
 * the IG User who created the IG Media") are listed by the "Mentioned Media" reference.
 */
const COMMENT_FIELDS = "id,text,timestamp,username";
const MEDIA_FIELDS = "id,caption,timestamp,username";

/**
 * The Graph API reads that the `mentions` changes of an Instagram webhook delivery need.
 * Meta's `mentions` notification carries ids only — `{"comment_id", "media_id"}` for an
 * \@mention in a comment, `{"media_id"}` for one in a caption — so `createInstagramAdapter`'s
 * `parse` cannot build those interactions: call this on every delivery, perform each
 * returned `request` with the account's token, and pass each response to
 * {@link parseInstagramMention}. Pure: it builds the requests, it does not send them.
 *
 * Source: Meta, "Webhooks for Instagram" (developers.facebook.com/docs/instagram-api/guides/webhooks,
 * "Sample Comment \@Mention Payload" and "Sample Caption \@Mention Webhook Notification") and
 * "Instagram Platform Webhook Notification Examples"
 * (developers.facebook.com/docs/instagram-platform/webhooks/examples). With Business Login for
 * Instagram, Meta sends \@mentions inside `comments` notifications instead, which `parse` reads.
 *
 * @param body - the webhook body text, as received
 * @returns one lookup per `mentions` change, in delivery order (empty when there is none), or
 *   a failure: `malformed_payload` (not JSON), `unknown_event` (not an `instagram` object),
 *   `missing_field` (no `entry` array, or a `mentions` change without a numeric `media_id` /
 *   `comment_id` — refused rather than skipped, so that no mention is lost unseen)
 *
 * @example
 * ```ts
 * import { instagramMentionLookups } from "@ops/interaction/adapters";
 * const body = JSON.stringify({ object: "instagram", entry: [{ id: "17841405726653026", time: 1520622968,
 *   changes: [{ field: "mentions", value: { comment_id: "17894227972186120", media_id: "17918195224117851" } }] }] });
 * const r = instagramMentionLookups(body);
 * r.ok && [r.value[0]?.kind, r.value[0]?.request.path, r.value[0]?.request.query.fields];
 * // => ["comment", "/17841405726653026", "mentioned_comment.comment_id(17894227972186120){id,text,timestamp,username}"]
 * ```
 */
export function instagramMentionLookups(body: string): Result<InstagramMentionLookup[], AdapterFailure> {
  const read = instagramEntries(body);
  if (!read.ok) return read;
  const entries = read.value;
  const out: InstagramMentionLookup[] = [];
  for (let ei = 0; ei < entries.length; ei++) {
    const entry = entries[ei];
    if (!isObj(entry)) continue;
    const changes = arrField(entry, "changes") ?? [];
    for (let ci = 0; ci < changes.length; ci++) {
      const change = changes[ci];
      if (!isObj(change) || strField(change, "field") !== "mentions") continue;
      const path = ["entry", ei, "changes", ci];
      const value = objField(change, "value") ?? {};
      const account = idField(entry, "id");
      const mediaId = idField(value, "media_id");
      const commentId = idField(value, "comment_id");
      const checks: [string, string | undefined, (string | number)[]][] = [
        ["entry id", account, ["entry", ei, "id"]],
        ["media_id", mediaId, [...path, "value", "media_id"]],
        ...(value.comment_id === undefined
          ? []
          : [
              ["comment_id", commentId, [...path, "value", "comment_id"]] as [
                string,
                string | undefined,
                (string | number)[],
              ],
            ]),
      ];
      for (const [name, v, at] of checks) {
        if (!GraphIdSchema.safeParse(v).success)
          return { ok: false, error: failure("missing_field", `a mentions change needs a numeric ${name}`, at) };
      }
      const time = numField(entry, "time");
      const notifiedAt = time === undefined ? undefined : time < 1e11 ? time * 1000 : time;
      const base = {
        account: account as string,
        mediaId: mediaId as string,
        ...(notifiedAt !== undefined && Number.isSafeInteger(notifiedAt) ? { notifiedAt } : {}),
      };
      out.push(
        commentId !== undefined
          ? {
              kind: "comment",
              ...base,
              commentId,
              request: {
                method: "GET",
                path: `/${base.account}`,
                query: { fields: `mentioned_comment.comment_id(${commentId}){${COMMENT_FIELDS}}` },
              },
            }
          : {
              kind: "caption",
              ...base,
              request: {
                method: "GET",
                path: `/${base.account}`,
                query: { fields: `mentioned_media.media_id(${base.mediaId}){${MEDIA_FIELDS}}` },
              },
            },
      );
    }
  }
  return { ok: true, value: out };
}
