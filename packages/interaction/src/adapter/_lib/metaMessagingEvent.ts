import type { Result } from "@ops/core";
import type { AdapterFailure, ParseContext, SkippedItem } from "../PlatformAdapter";
import type { InteractionInput } from "../../model/Interaction";
import { metaTimeMs, metaUnknown, type MetaPath } from "./metaWebhook";
import { arrField, idField, isObj, missing, numField, objField, strField, type Obj } from "./read";

/** How one product reads a Messenger Platform messaging event ({@link metaMessagingEvent}). */
export interface MetaMessagingOptions {
  /** `messenger` or `instagram`: the id prefix, the actors' platform and the skip rules' prefix. */
  readonly platform: string;
  readonly ctx: ParseContext;
  /** The entry's Page or Instagram account: a sender equal to it makes the event the account's own (`out`). */
  readonly account: string;
  /** The entry's time, for an event without `timestamp`. */
  readonly entryTime: number;
  /** Event keys that are signals with nothing to answer, skipped by the rule `<platform>.<key>`. */
  readonly signals: readonly string[];
  /** The reason given with a signal's skip. */
  readonly signalReason: (signal: string) => string;
  /** Read `sender.user_ref` when `sender.id` is absent (Messenger's Chat Plugin; `messaging_postbacks` sample). */
  readonly userRef?: boolean;
  /** The message id to use when `message.mid` is absent; without it, such a message fails as `missing_field`. */
  readonly fallbackMid?: (sender: string, at: number) => string;
}

/**
 * One messaging event of Meta's Messenger Platform (Messenger and Instagram Messaging
 * "Webhook Events Reference": `{sender, recipient, timestamp, message | reaction | postback |
 * message_edit | <signal>}`): `message` → `dm` (`is_echo` or sent by the account → `out`;
 * `reply_to.mid` → `inReplyTo`; attachments → media; `is_deleted` → `recall`), `reaction` →
 * `like` (`action: "unreact"` → `unlike`), `postback` → `menu_click`, `message_edit` →
 * `edit`; a signal is a skip by rule; anything else `unknown_event`. `timestamp` is
 * milliseconds in deliveries and a digit string of seconds in the `field` / `value` samples.
 */
export function metaMessagingEvent(
  m: unknown,
  path: MetaPath,
  o: MetaMessagingOptions,
): Result<InteractionInput | SkippedItem, AdapterFailure> {
  const { platform, ctx } = o;
  const id = (kind: string, native: string): string => `${platform}:${ctx.account}:${kind}:${native}`;
  const who = (userId: string) => ({ platform, scope: ctx.account, userId });
  const where = path.join(".");
  if (!isObj(m)) return missing(path, `${where}: a messaging event object`);
  const senderObj = objField(m, "sender") ?? {};
  const sender = idField(senderObj, "id") ?? (o.userRef === true ? idField(senderObj, "user_ref") : undefined);
  const recipient = idField(objField(m, "recipient") ?? {}, "id");
  if (sender === undefined || recipient === undefined)
    return missing(
      path,
      `${where} with sender.id${o.userRef === true ? " (or sender.user_ref)" : ""} and recipient.id`,
    );
  // numField reads a number or a numeric string
  const at = metaTimeMs(numField(m, "timestamp")) ?? o.entryTime;
  const outbound = sender === o.account;
  const base = {
    channelId: ctx.channelId,
    platformCreatedAt: at,
    receivedAt: ctx.receivedAt,
    raw: m,
    visibility: "private" as const,
    actor: who(sender),
    ...(outbound ? { recipient: who(recipient) } : {}),
    delivery: { status: outbound ? ("sent" as const) : ("received" as const) },
  };
  const message = objField(m, "message");
  const reaction = objField(m, "reaction");
  const postback = objField(m, "postback");
  const edit = objField(m, "message_edit");
  if (message !== undefined) {
    const mid = idField(message, "mid") ?? o.fallbackMid?.(sender, at);
    if (mid === undefined) return missing([...path, "message", "mid"], `${where}.message.mid`);
    if (message.is_deleted === true)
      return {
        ok: true,
        value: {
          ...base,
          id: id("recall", mid),
          kind: "recall",
          direction: "activity",
          target: { type: "message", id: mid },
        },
      };
    const replyTo = idField(objField(message, "reply_to") ?? {}, "mid");
    const media = (arrField(message, "attachments") ?? []).filter(isObj).map((a: Obj) => {
      const type = strField(a, "type");
      const url = strField(objField(a, "payload") ?? {}, "url") ?? strField(a, "url");
      const mediaType = type === "image" || type === "video" || type === "audio" || type === "file" ? type : "link";
      return { type: mediaType, ...(url !== undefined ? { url } : {}) } as const;
    });
    return {
      ok: true,
      value: {
        ...base,
        id: id("message", mid),
        nativeId: mid,
        kind: "dm",
        direction: outbound || message.is_echo === true ? "out" : "in",
        ...(replyTo !== undefined ? { inReplyTo: id("message", replyTo) } : {}),
        content: { text: strField(message, "text") ?? "", media },
      },
    };
  }
  if (reaction !== undefined) {
    const mid = idField(reaction, "mid");
    if (mid === undefined) return missing([...path, "reaction", "mid"], `${where}.reaction.mid`);
    const unreact = strField(reaction, "action") === "unreact";
    return {
      ok: true,
      value: {
        ...base,
        id: id(unreact ? "unreaction" : "reaction", `${mid}:${sender}:${at}`),
        kind: unreact ? "unlike" : "like",
        direction: "activity",
        target: { type: "message", id: mid },
      },
    };
  }
  if (postback !== undefined) {
    const mid = idField(postback, "mid") ?? `${sender}:${at}`;
    return {
      ok: true,
      value: {
        ...base,
        id: id("postback", mid),
        nativeId: mid,
        kind: "menu_click",
        direction: "in",
        content: { text: strField(postback, "payload") ?? strField(postback, "title") ?? "" },
      },
    };
  }
  if (edit !== undefined) {
    const mid = idField(edit, "mid");
    if (mid === undefined) return missing([...path, "message_edit", "mid"], `${where}.message_edit.mid`);
    return {
      ok: true,
      value: {
        ...base,
        id: id("edit", `${mid}:${numField(edit, "num_edit") ?? at}`),
        kind: "edit",
        direction: "activity",
        target: { type: "message", id: mid },
        content: { text: strField(edit, "text") ?? "" },
      },
    };
  }
  const signal = o.signals.find((k) => m[k] !== undefined);
  if (signal !== undefined)
    return { ok: true, value: { path, rule: `${platform}.${signal}`, reason: o.signalReason(signal) } };
  const keys = Object.keys(m).filter((k) => k !== "sender" && k !== "recipient" && k !== "timestamp");
  return metaUnknown(path, `messaging event ${JSON.stringify(keys.join(",") || "(empty)")}`);
}
