import { actorKey, formatInstant, OpsError, parseOrThrow, type ActorRef } from "@ops/core";
import { InteractionSchema, type Interaction } from "../model/Interaction";
import { wtf8Bytes } from "../_lib/wtf8";

/**
 * `encodeURIComponent`, extended to lone surrogates: `InteractionSchema` accepts any string
 * as an id, so a lone surrogate is percent-encoded as its WTF-8 bytes (`%ED%A0%80` for
 * U+D800) instead of throwing `URIError`. Well-formed text encodes exactly as
 * `encodeURIComponent` does; two different ids never give the same IRI.
 */
function encodePart(text: string): string {
  if (!/[\uD800-\uDFFF]/.test(text)) return encodeURIComponent(text);
  let out = "";
  for (const b of wtf8Bytes(text)) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.!~*'()]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The W3C Activity Streams 2.0 public collection. */
const PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

/** Options of {@link toActivityStreams}. */
export interface ToActivityStreamsOptions {
  /**
   * Prefix of the IRIs minted for interactions, actors and platform objects; default
   * `"urn:ops:"` (giving `urn:ops:interaction:<id>`, `urn:ops:actor:<platform:scope:user>`,
   * `urn:ops:object:<channel>:<type>:<id>`). Pass your own base URL to publish them.
   */
  readonly baseIri?: string;
}

/** An Activity Streams 2.0 object or activity as plain JSON (`@context`, `type`, …). */
export type AS2Object = { readonly type: string } & Readonly<Record<string, unknown>>;

/**
 * Converts an interaction into a W3C Activity Streams 2.0 activity
 * (https://www.w3.org/TR/activitystreams-vocabulary/), for interop with ActivityPub
 * servers, data warehouses and other tools:
 *
 * | kind | activity |
 * | --- | --- |
 * | comment, reply, dm, mention, quote | `Create` of a `Note` (`content`, `inReplyTo`, `published`; a quote adds a `Link` to the quoted object) |
 * | like | `Like` of the target |
 * | repost | `Announce` of the target |
 * | wow (WeChat 在看) | `Announce` of the target named `"wow"` (a recommendation to the user's friends) |
 * | follow / unfollow | `Follow` of the account / `Undo` of a `Follow` |
 * | recall | `Delete` of the recalled message |
 * | report | `Flag` of the target (with the report text as `content`) |
 * | campaign_entry | `Join` of the campaign |
 * | menu_click, qr_scan | a plain `Activity` named after the kind (AS2 has no closer type) |
 * | post | `Create` of a `Note` (a top-level post) |
 * | edit | `Update` of the edited object, with the new text as `content` |
 * | unlike | `Undo` of a `Like` |
 * | block | `Block` of the account |
 *
 * Ids with lone surrogates (which `InteractionSchema` accepts) are percent-encoded as their
 * WTF-8 bytes, so every valid interaction converts.
 *
 * Addressing: public interactions go `to` the AS2 Public collection; private ones `to` the
 * recipient (or the account they were sent to); internal notes get no addressing (they
 * stay on the server).
 *
 * @param interaction - the interaction (validated with `InteractionSchema`)
 * @param options - `baseIri` for minted IRIs
 * @returns a fresh AS2 activity object with `@context`
 * @throws {OpsError} `invalid_argument` for a malformed interaction, or `options` that are not an object with a string `baseIri`
 *
 * @example
 * ```ts
 * import { toActivityStreams } from "@ops/interaction";
 * const as = toActivityStreams({
 *   id: "c2", channelId: "ch_wb", kind: "reply", direction: "in", visibility: "public",
 *   actor: { platform: "weibo", userId: "1669879400" }, inReplyTo: "c1",
 *   content: { text: "好用吗？" }, platformCreatedAt: 0, receivedAt: 0,
 * } as never);
 * [as.type, (as.object as { type: string }).type, (as.object as { inReplyTo: string }).inReplyTo, as.to];
 * // => ["Create", "Note", "urn:ops:interaction:c1", ["https://www.w3.org/ns/activitystreams#Public"]]
 * ```
 */
export function toActivityStreams(interaction: Interaction, options: ToActivityStreamsOptions = {}): AS2Object {
  const x = parseOrThrow(InteractionSchema, interaction, { fn: "toActivityStreams", path: ["interaction"] });
  const o = options as ToActivityStreamsOptions | null;
  if (typeof o !== "object" || o === null || (o.baseIri !== undefined && typeof o.baseIri !== "string"))
    throw new OpsError({
      code: "invalid_argument",
      fn: "toActivityStreams",
      path: typeof o === "object" && o !== null ? ["options", "baseIri"] : ["options"],
      rule: "must be { baseIri?: string }",
      received: o,
    });
  const base = o.baseIri ?? "urn:ops:";
  const iri = (kind: string, id: string): string => `${base}${kind}:${encodePart(id)}`;
  const actorIri = (ref: ActorRef): string => `${base}actor:${actorKey(ref).split(":").map(encodePart).join(":")}`;
  const targetIri =
    x.target === undefined
      ? `${base}object:${encodePart(x.channelId)}`
      : `${base}object:${encodePart(x.channelId)}:${x.target.type}:${encodePart(x.target.id)}`;
  const published = formatInstant(x.platformCreatedAt);
  const actor = actorIri(x.actor);
  const addressing: Record<string, unknown> =
    x.visibility === "public"
      ? { to: [PUBLIC] }
      : x.visibility === "private"
        ? {
            to: [x.recipient === undefined ? `${base}account:${encodePart(x.channelId)}` : actorIri(x.recipient)],
          }
        : {};
  const id = iri("interaction", x.id);
  const head = { "@context": "https://www.w3.org/ns/activitystreams", id, actor, published, ...addressing };
  switch (x.kind) {
    case "comment":
    case "reply":
    case "dm":
    case "mention":
    case "post":
    case "quote": {
      const note: Record<string, unknown> = {
        type: "Note",
        id: `${id}/note`,
        attributedTo: actor,
        content: x.content?.text ?? "",
        published,
        ...addressing,
      };
      if (x.inReplyTo !== undefined) note.inReplyTo = iri("interaction", x.inReplyTo);
      else if (x.target !== undefined && x.kind !== "quote") note.context = targetIri;
      if (x.kind === "quote") note.attachment = [{ type: "Link", href: targetIri }];
      if (x.content !== undefined && x.content.hashtags.length > 0)
        note.tag = x.content.hashtags.map((h) => ({ type: "Hashtag", name: `#${h}` }));
      return { ...head, type: "Create", object: note };
    }
    case "like":
      return { ...head, type: "Like", object: targetIri };
    case "repost":
      return { ...head, type: "Announce", object: targetIri };
    case "wow":
      // WeChat 在看 puts the article before the user's friends: an Announce, named to tell it from a repost
      return { ...head, type: "Announce", name: "wow", object: targetIri };
    case "follow":
      return { ...head, type: "Follow", object: targetIri };
    case "unfollow":
      return { ...head, type: "Undo", object: { type: "Follow", actor, object: targetIri } };
    case "recall":
      return { ...head, type: "Delete", object: targetIri };
    case "report":
      return { ...head, type: "Flag", object: targetIri, content: x.content?.text ?? "" };
    case "campaign_entry":
      return { ...head, type: "Join", object: x.campaignId === undefined ? targetIri : iri("campaign", x.campaignId) };
    case "menu_click":
    case "qr_scan":
      return { ...head, type: "Activity", name: x.kind, object: targetIri };
    case "edit":
      return { ...head, type: "Update", object: targetIri, content: x.content?.text ?? "" };
    case "unlike":
      return { ...head, type: "Undo", object: { type: "Like", actor, object: targetIri } };
    case "block":
      return { ...head, type: "Block", object: `${base}account:${encodePart(x.channelId)}` };
  }
}
