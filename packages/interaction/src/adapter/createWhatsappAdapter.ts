import { failure, type Result } from "@ops/core";
import type { AdapterFailure, AdapterOptions, ParseContext, PlatformAdapter, SkippedItem } from "./PlatformAdapter";
import type { InteractionInput, MediaItem } from "../model/Interaction";
import { adapterPolicy, defineAdapter, type Parsed } from "./_lib/adapterKit";
import { eachMetaEntry, metaEntries, verifyMetaWebhook } from "./_lib/metaWebhook";
import { toOutboundId } from "./_lib/outboundIds";
import { deliveryKey } from "../toolkit/deliveryKey";
import { arrField, idField, isObj, missing, numField, objField, strField, type Obj } from "./_lib/read";

const PLATFORM = "whatsapp";
/** WhatsApp Cloud API: `text.body` holds at most 4096 characters (Messages API reference, text messages). */
const MAX_TEXT = 4096;
/** A WhatsApp message id (`wamid.` and base64 text), as in every sample of the messages webhook reference. */
const WAMID = /^wamid\.[A-Za-z0-9+/=_-]{1,512}$/;

/**
 * The reference adapter for the **WhatsApp Business Cloud API** (`object:
 * "whatsapp_business_account"`, change field `messages`): it checks Meta's signature, reads
 * user messages and reactions as interactions (statuses and errors are skipped by named
 * rules), and drafts text replies.
 *
 * See docs/adapter-guide.md, "WhatsApp", for the platform's webhook formats,
 * signature scheme, field mappings, reply-window rules, what is skipped and the sources.
 *
 * @param options - `policy` to replace the built-in reply-window data
 * @returns a pure {@link PlatformAdapter}
 *
 * @example
 * ```ts
 * import { createWhatsappAdapter } from "@ops/interaction/adapters";
 * const wa = createWhatsappAdapter();
 * const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "102290129340398", changes: [{ field: "messages",
 *   value: { messaging_product: "whatsapp", metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
 *     messages: [{ from: "16505551234", id: "wamid.HBgLMTY1", timestamp: "1749416383", type: "text", text: { body: "Does it come in another color?" } }] } }] }] });
 * const r = wa.parse(body, { channelId: "ch_wa" as never, account: "106540352242922", receivedAt: 1749416384000 });
 * r.ok && [r.value[0]?.kind, r.value[0]?.actor.userId, r.value[0]?.platformCreatedAt];
 * // => ["dm", "16505551234", 1749416383000]
 * ```
 */
export function createWhatsappAdapter(options: AdapterOptions = {}): PlatformAdapter {
  const policy = adapterPolicy("createWhatsappAdapter", options, "whatsapp.cloud");
  return defineAdapter({
    platform: PLATFORM,
    policy,
    verify: verifyMetaWebhook,
    dedupeKey(body) {
      const entries = metaEntries(body, "whatsapp_business_account");
      if (!entries.ok) return entries;
      return { ok: true, value: deliveryKey(PLATFORM, "messages", body) };
    },
    parse: parseWhatsapp,
    toOutbound(draft) {
      const { surface, text, tag, inReplyTo } = draft;
      if (surface !== "message")
        return {
          ok: false,
          error: failure("unsupported", `WhatsApp has no ${surface}: send a message`, ["draft", "surface"]),
        };
      if (tag !== undefined)
        return {
          ok: false,
          error: failure(
            "unsupported",
            "WhatsApp has no message tags: outside the 24 h window only an approved template can be sent (not a reply)",
            ["draft", "tag"],
          ),
        };
      if (text.length > MAX_TEXT)
        return {
          ok: false,
          error: failure("unsupported", `a WhatsApp text holds at most ${MAX_TEXT} characters`, ["draft", "text"]),
        };
      const phone = toOutboundId(draft.to.scope, "whatsapp", ["draft", "to", "scope"]);
      if (!phone.ok) return phone;
      const to = toOutboundId(draft.to.userId, "whatsapp", ["draft", "to", "userId"]);
      if (!to.ok) return to;
      let context: { message_id: string } | undefined;
      if (inReplyTo !== undefined && inReplyTo.actor.platform === PLATFORM) {
        const wamid = inReplyTo.nativeId;
        if (wamid === undefined || !WAMID.test(wamid))
          return {
            ok: false,
            error: failure("invalid_request", "draft.inReplyTo.nativeId must be a WhatsApp message id (wamid.…)", [
              "draft",
              "inReplyTo",
              "nativeId",
            ]),
          };
        context = { message_id: wamid };
      }
      const body = {
        messaging_product: "whatsapp",
        recipient_type: "individual",
        to: to.value,
        type: "text",
        text: { body: text },
        ...(context !== undefined ? { context } : {}),
      };
      return {
        ok: true,
        value: {
          method: "POST",
          path: `/${phone.value}/messages`,
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        },
      };
    },
  });
}

/** Media message types: the WhatsApp type → the model's media type. */
const MEDIA: Readonly<Record<string, MediaItem["type"]>> = {
  image: "image",
  video: "video",
  audio: "audio",
  document: "file",
  sticker: "sticker",
};

function parseWhatsapp(body: string, ctx: ParseContext): Parsed {
  return eachMetaEntry(body, {
    object: "whatsapp_business_account",
    change(change, field, at) {
      if (field !== "messages")
        return {
          ok: false,
          error: failure(
            "unknown_event",
            `change field ${JSON.stringify(field)} is not mapped by this adapter (subscribe only to messages, or extend it)`,
            [...at, "field"],
          ),
        };
      const v = objField(change, "value");
      if (v === undefined) return missing([...at, "value"], `${at.join(".")}.value`);
      const phone = idField(objField(v, "metadata") ?? {}, "phone_number_id") ?? ctx.account;
      const messages = arrField(v, "messages") ?? [];
      const statuses = arrField(v, "statuses") ?? [];
      const errors = arrField(v, "errors") ?? [];
      if (messages.length + statuses.length + errors.length === 0)
        return missing([...at, "value"], `${at.join(".")}.value with messages, statuses or errors`);
      const items: (InteractionInput | SkippedItem)[] = [];
      for (let mi = 0; mi < messages.length; mi++) {
        const r = message(messages[mi], [...at, "value", "messages", mi], phone);
        if (!r.ok) return r;
        items.push(r.value);
      }
      for (let si = 0; si < statuses.length; si++) {
        const path = [...at, "value", "statuses", si];
        const s = statuses[si];
        if (!isObj(s)) return missing(path, `${path.join(".")}: a status object`);
        const wamid = idField(s, "id");
        const status = strField(s, "status");
        if (wamid === undefined || status === undefined || !/^[a-z_]{1,32}$/.test(status))
          return missing(path, `${path.join(".")} with id and status`);
        const err = describeErrors(arrField(s, "errors"));
        items.push({
          path,
          rule: `whatsapp.status.${status}`,
          reason: `status of the business's message ${PLATFORM}:${phone}:message:${wamid}${err === "" ? "" : ` (${err})`}: set the delivery of the outbound interaction you recorded`,
        });
      }
      if (errors.length > 0)
        items.push({
          path: [...at, "value", "errors"],
          rule: "whatsapp.error",
          reason: `WhatsApp reported ${describeErrors(errors) || "an error"}`,
        });
      return { ok: true, value: items };
    },
  });

  /** One message of a `messages` array: its interaction, a skip by a named rule, or the failure. */
  function message(
    m: unknown,
    path: (string | number)[],
    phone: string,
  ): Result<InteractionInput | SkippedItem, AdapterFailure> {
    const where = path.join(".");
    if (!isObj(m)) return missing(path, `${where}: a message object`);
    const wamid = idField(m, "id");
    const from = idField(m, "from");
    const type = strField(m, "type") ?? "";
    const seconds = numField(m, "timestamp");
    if (wamid === undefined || from === undefined || seconds === undefined)
      return missing(path, `${where} with id, from and timestamp`);
    const id = (kind: string, native: string): string => `${PLATFORM}:${phone}:${kind}:${native}`;
    const context = objField(m, "context");
    const answered = context === undefined ? undefined : idField(context, "id");
    const base = {
      channelId: ctx.channelId,
      platformCreatedAt: seconds * 1000,
      receivedAt: ctx.receivedAt,
      raw: m,
      visibility: "private" as const,
      actor: { platform: PLATFORM, scope: phone, userId: from },
      delivery: { status: "received" as const },
    };
    const dm = (text: string, media: MediaItem[] = []): Result<InteractionInput, AdapterFailure> => ({
      ok: true,
      value: {
        ...base,
        id: id("message", wamid),
        nativeId: wamid,
        kind: "dm",
        direction: "in",
        ...(answered !== undefined ? { inReplyTo: id("message", answered) } : {}),
        content: { text, media },
      },
    });
    const part = objField(m, type) ?? {};
    if (type === "text") return dm(strField(part, "body") ?? "");
    const mediaType = MEDIA[type];
    if (mediaType !== undefined) {
      const mediaId = idField(part, "id");
      return dm(strField(part, "caption") ?? "", [
        { type: mediaType, ...(mediaId !== undefined ? { id: mediaId } : {}) },
      ]);
    }
    if (type === "location") {
      const lat = numField(part, "latitude");
      const lon = numField(part, "longitude");
      const label = [strField(part, "name"), strField(part, "address")].filter((s) => s !== undefined && s !== "");
      const coords = lat !== undefined && lon !== undefined ? `${lat},${lon}` : "";
      return dm(label.length > 0 ? label.join(", ") : coords, [
        { type: "location", ...(coords !== "" ? { url: `geo:${coords}` } : {}) },
      ]);
    }
    if (type === "contacts") {
      const names = (arrField(m, "contacts") ?? [])
        .filter(isObj)
        .map((c: Obj) => strField(objField(c, "name") ?? {}, "formatted_name") ?? "")
        .filter((n) => n !== "");
      return dm(names.join(", "));
    }
    if (type === "interactive") {
      const reply = objField(part, "button_reply") ?? objField(part, "list_reply") ?? objField(part, "nfm_reply");
      return dm(reply === undefined ? "" : (strField(reply, "title") ?? strField(reply, "body") ?? ""));
    }
    if (type === "button") return dm(strField(part, "text") ?? strField(part, "payload") ?? "");
    if (type === "order") return dm(strField(part, "text") ?? "");
    if (type === "unsupported" || type === "unknown") return dm("");
    if (type === "reaction") {
      const target = idField(part, "message_id");
      if (target === undefined) return missing([...path, "reaction", "message_id"], `${where}.reaction.message_id`);
      const removed = strField(part, "emoji") === undefined || strField(part, "emoji") === "";
      return {
        ok: true,
        value: {
          ...base,
          id: id(removed ? "unreaction" : "reaction", wamid),
          nativeId: wamid,
          kind: removed ? "unlike" : "like",
          direction: "activity",
          target: { type: "message", id: target },
          ...(removed ? {} : { content: { text: strField(part, "emoji") ?? "" } }),
        },
      };
    }
    if (type === "system")
      return {
        ok: true,
        value: {
          path,
          rule: "whatsapp.system",
          reason: "a system message (the user changed number): nothing to answer",
        },
      };
    return {
      ok: false,
      error: failure("unknown_event", `message type ${JSON.stringify(type)} is not mapped by this adapter`, [
        ...path,
        "type",
      ]),
    };
  }
}

/** `131047 Re-engagement message; 131051 Message type unknown`: the code and title of each error object. */
function describeErrors(errors: readonly unknown[] | undefined): string {
  return (errors ?? [])
    .filter(isObj)
    .map((e) =>
      [numField(e, "code"), strField(e, "title") ?? strField(e, "message")].filter((x) => x !== undefined).join(" "),
    )
    .filter((s) => s !== "")
    .join("; ")
    .slice(0, 500);
}
