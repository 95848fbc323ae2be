import { failure, parseInstant, type Instant, type Result } from "@ops/core";
import type { AdapterFailure, ParseContext } from "./PlatformAdapter";
import type { Interaction } from "../model/Interaction";
import { finish, guard } from "./_lib/adapterKit";
import { checkWith } from "../_lib/checkWith";
import { idField, numField, objField, parseJsonObject, strField } from "./_lib/read";
import {
  InstagramMentionLookupSchema,
  type InstagramMentionLookup,
  type InstagramMentionLookupInput,
} from "./instagramMentionLookups";

/** Meta's ISO-8601 `timestamp` (`"2018-03-20T00:05:29+0000"`) as an instant, or undefined when absent or unreadable. */
function graphTime(text: string | undefined): Instant | undefined {
  if (text === undefined) return undefined;
  try {
    return parseInstant(text, { fn: "parseInstagramMention" });
  } catch {
    return undefined;
  }
}

/**
 * Builds the `mention` interaction of one Instagram \@mention from the Graph API's answer to
 * its lookup (see {@link instagramMentionLookups}): the `mentioned_comment` or
 * `mentioned_media` node of `GET /{ig-user-id}?fields=…`.
 *
 * - `actor`: the author by **username**, `{ platform: "instagram", scope: "username",
 *   userId: <username> }`. Meta returns no IGSID here (a caption's `owner` id is "only
 *   returned if the app user created the IG Media object, otherwise the `username` field
 *   will be returned instead"), so the actor is not the IGSID-scoped identity that comments
 *   and DMs carry; link the two with `mergeActors` when a comment webhook gives both
 *   `from.id` and `from.username`. Usernames can change.
 * - `id`: `instagram:<account>:comment:<comment-id>` for a comment (the id the adapter gives
 *   that comment, so one comment is kept once) or `instagram:<account>:media:<media-id>`
 *   for a caption; `nativeId` is that comment or media id; `target` the media (`post`).
 * - `content.text`: the comment `text` or the `caption` (Meta strips the `@` of mentions
 *   from text it returns for media the account did not create).
 * - `platformCreatedAt`: the node's `timestamp`, else the notification time, else `receivedAt`.
 *
 * Answer the mention with `createInstagramAdapter().toOutbound({ surface: "public_reply", inReplyTo: mention, … })`,
 * which builds `POST /{ig-user-id}/mentions`.
 *
 * @param responseBody - the Graph API response body text
 * @param lookup - the lookup the response answers (from {@link instagramMentionLookups})
 * @param context - channel, account (the IG user id) and receipt time, as for `parse`
 * @returns the mention, or a failure: `invalid_request` (the lookup breaks its schema, or the
 *   response is about another comment or media), `malformed_payload` (not JSON),
 *   `missing_field` (no `mentioned_comment` / `mentioned_media` node — a Graph API error
 *   answer is named in the message — or no `username`)
 *
 * @example
 * ```ts
 * import { instagramMentionLookups, parseInstagramMention } from "@ops/interaction/adapters";
 * const webhook = JSON.stringify({ object: "instagram", entry: [{ id: "17841405726653026", time: 1520622968, changes: [{ field: "mentions", value: { media_id: "17918195224117851" } }] }] });
 * const lookups = instagramMentionLookups(webhook);
 * if (!lookups.ok) throw new Error(lookups.error.message);
 * // the GET of lookup.request, answered as in Meta's "Get the Caption's Contents" sample, with the username field added:
 * const response = JSON.stringify({ mentioned_media: { caption: "@bluebottle There can be only one!", username: "mia.cooks", id: "17918195224117851" }, id: "17841405726653026" });
 * const r = parseInstagramMention(response, lookups.value[0]!, { channelId: "ch_ig" as never, account: "17841405726653026", receivedAt: 1520622970000 });
 * r.ok && [r.value.kind, r.value.actor.userId, r.value.target?.id, r.value.platformCreatedAt];
 * // => ["mention", "mia.cooks", "17918195224117851", 1520622968000]
 * ```
 */
export function parseInstagramMention(
  responseBody: string,
  lookup: InstagramMentionLookupInput,
  context: ParseContext,
): Result<Interaction, AdapterFailure> {
  const l = checkWith(InstagramMentionLookupSchema, lookup);
  if (!l.ok)
    return {
      ok: false,
      error: failure("invalid_request", `${["lookup", ...l.path].join(".")} ${l.rule}`, ["lookup", ...l.path]),
    };
  return guard(() => buildMention(responseBody, l.value, context));
}

function buildMention(
  body: string,
  lookup: InstagramMentionLookup,
  ctx: ParseContext,
): Result<Interaction, AdapterFailure> {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const isComment = lookup.kind === "comment";
  const nodeName = isComment ? "mentioned_comment" : "mentioned_media";
  const node = objField(o.value, nodeName);
  if (node === undefined) {
    const err = objField(o.value, "error");
    const why =
      err === undefined
        ? ""
        : ` (the Graph API answered with error ${numField(err, "code") ?? "?"}: ${strField(err, "message") ?? "no message"})`;
    return { ok: false, error: failure("missing_field", `the response has no ${nodeName}${why}`, [nodeName]) };
  }
  const wanted = isComment ? lookup.commentId : lookup.mediaId;
  const got = idField(node, "id");
  if (got !== undefined && got !== wanted)
    return {
      ok: false,
      error: failure("invalid_request", `the response is about ${got}, the lookup about ${wanted}`, [nodeName, "id"]),
    };
  const username = strField(node, "username");
  if (username === undefined || username.length === 0) {
    return {
      ok: false,
      error: failure("missing_field", `${nodeName} names no author: request its username field (the lookup does)`, [
        nodeName,
        "username",
      ]),
    };
  }
  const at = graphTime(strField(node, "timestamp")) ?? lookup.notifiedAt ?? ctx.receivedAt;
  const built = finish([
    {
      id: `instagram:${ctx.account}:${isComment ? "comment" : "media"}:${wanted}`,
      channelId: ctx.channelId,
      kind: "mention",
      direction: "in",
      visibility: "public",
      actor: { platform: "instagram", scope: "username", userId: username },
      nativeId: wanted,
      target: { type: "post", id: lookup.mediaId },
      content: { text: strField(node, isComment ? "text" : "caption") ?? "" },
      platformCreatedAt: at,
      receivedAt: ctx.receivedAt,
      delivery: { status: "received" },
      raw: o.value,
    },
  ]);
  return built.ok ? { ok: true, value: built.value[0] as Interaction } : built;
}
