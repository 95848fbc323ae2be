import { failure, type Result } from "@ops/core";
import type { AdapterFailure, SkippedItem, VerifyOutcome, WebhookRequest, WebhookSecret } from "../PlatformAdapter";
import type { InteractionInput } from "../../model/Interaction";
import { done, type Parsed } from "./adapterKit";
import { hmacSha256Hex, timingSafeEqual } from "../../_lib/crypto";
import { header, query } from "./http";
import { arrField, idField, isObj, missing, numField, objField, parseJsonObject, strField, type Obj } from "./read";

/**
 * Meta's webhook scheme, shared by Instagram, Messenger (Pages) and the WhatsApp Cloud API
 * (Meta, "Webhooks — Getting started": "Verification Requests" and "Event Notifications"):
 * the subscription handshake is a GET with `hub.mode=subscribe`, `hub.verify_token` (must
 * equal `secret.verifyToken`, compared in constant time) and `hub.challenge` (echoed back as
 * text); a delivery carries `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body
 * under the App Secret>`, compared in constant time.
 */
export function verifyMetaWebhook(req: WebhookRequest, secret: WebhookSecret): Result<VerifyOutcome, AdapterFailure> {
  const q = query(req);
  if (req.method.toUpperCase() === "GET" && q.get("hub.mode") !== null) {
    const token = secret.verifyToken;
    if (token === undefined)
      return {
        ok: false,
        error: failure("invalid_request", "secret.verifyToken is needed to answer the subscription handshake", [
          "secret",
          "verifyToken",
        ]),
      };
    if (q.get("hub.mode") !== "subscribe" || !timingSafeEqual(q.get("hub.verify_token") ?? "", token)) {
      return {
        ok: false,
        error: failure("bad_signature", "hub.verify_token does not match", ["url", "hub.verify_token"]),
      };
    }
    return {
      ok: true,
      value: {
        kind: "challenge",
        response: { status: 200, headers: { "content-type": "text/plain" }, body: q.get("hub.challenge") ?? "" },
      },
    };
  }
  const sig = header(req, "x-hub-signature-256");
  if (sig === undefined || !sig.startsWith("sha256="))
    return {
      ok: false,
      error: failure("bad_signature", "X-Hub-Signature-256 header is missing", ["headers", "x-hub-signature-256"]),
    };
  const expected = `sha256=${hmacSha256Hex(secret.secret, req.body)}`;
  if (!timingSafeEqual(expected, sig.toLowerCase()))
    return {
      ok: false,
      error: failure("bad_signature", "X-Hub-Signature-256 does not match the HMAC-SHA256 of the body", [
        "headers",
        "x-hub-signature-256",
      ]),
    };
  return { ok: true, value: { kind: "delivery" } };
}

/**
 * The `entry` array of a Meta webhook body (`{"object": <object>, "entry": […]}`), or the
 * typed failure: another `object` (a Page notification sent to the Instagram adapter, a
 * `user` notification) is `unknown_event`, a body without `entry` `missing_field`.
 */
export function metaEntries(body: string, object: string): Result<readonly unknown[], AdapterFailure> {
  const o = parseJsonObject(body);
  if (!o.ok) return o;
  const got = strField(o.value, "object");
  if (got !== object)
    return {
      ok: false,
      error: failure("unknown_event", `object ${got ?? "(missing)"} is not ${object}`, ["object"]),
    };
  const entries = arrField(o.value, "entry");
  if (entries === undefined) return { ok: false, error: failure("missing_field", "entry must be an array", ["entry"]) };
  return { ok: true, value: entries };
}

/** `unknown_event` for a field, item or event an adapter does not map, naming it and its place. */
export function metaUnknown(path: MetaPath, what: string): { ok: false; error: AdapterFailure } {
  return {
    ok: false,
    error: failure(
      "unknown_event",
      `${what} is not mapped by this adapter (subscribe only to the fields it reads, or extend it)`,
      path,
    ),
  };
}

/** Meta times: seconds in `entry.time` of some products, milliseconds in others; values below 10¹¹ are seconds. */
export function metaTimeMs(t: number | undefined): number | undefined {
  if (t === undefined) return undefined;
  return t < 1e11 ? t * 1000 : t;
}

/** A place in a Meta webhook body: `["entry", 0, "changes", 1, "value"]`. */
export type MetaPath = (string | number)[];

/** What one change or messaging event gives: an interaction, a skip by a named rule, several, or nothing. */
export type MetaStep = Result<
  InteractionInput | SkippedItem | readonly (InteractionInput | SkippedItem)[] | undefined,
  AdapterFailure
>;

/** One entry of a Meta webhook body, as the walker hands it to an adapter. */
export interface MetaEntry {
  /** Its position in `entry`. */
  readonly index: number;
  /** `entry.id`: the Page, Instagram account or WhatsApp Business Account the entry is about. */
  readonly id: string | undefined;
  /** `entry.time` in milliseconds ({@link metaTimeMs}), when present. */
  readonly time: number | undefined;
}

/** How one Meta product's webhook body is walked by {@link eachMetaEntry}. */
export interface MetaEntryWalk {
  /** The `object` the body must name (`page`, `instagram`, `whatsapp_business_account`). */
  readonly object: string;
  /** Change fields whose `value` is a messaging event: handed to `event`, after the entry's `messaging` and `standby` items. */
  readonly messagingFields?: ReadonlySet<string>;
  /** One change, checked to be an object; `field` is its `field` text, `""` when absent. */
  change(change: Obj, field: string, at: MetaPath, entry: MetaEntry): MetaStep;
  /**
   * One messaging event (Messenger Platform shape: `sender`, `recipient`, `timestamp`, …), not
   * checked: anything the body held. `index` counts the entry's events in the order handed over.
   * With it, the walker also reads `entry.messaging`, `entry.standby` (events received while
   * another app owns the thread, under the handover protocol) and one `field` / `value` pair put
   * directly in the entry (Business Login for Instagram, "Webhook Notification Examples");
   * without it (WhatsApp), an entry has `changes` only.
   */
  event?(event: unknown, at: MetaPath, entry: MetaEntry, index: number): MetaStep;
}

/**
 * The one walk of a Meta webhook body (Instagram, Messenger and WhatsApp): the `object` check
 * ({@link metaEntries}), every entry, its `messaging` / `standby` events and its `changes`,
 * each handed to the adapter's `change` or `event` in the body's order (changes first, then
 * events), and what they give collected into the interactions and the skipped items. Nothing
 * is dropped unseen: an entry that is not an object, a change that is not an object, and an
 * entry with nothing to read fail as `missing_field` naming the place; the first failure of a
 * step fails the delivery.
 */
export function eachMetaEntry(body: string, walk: MetaEntryWalk): Parsed {
  const read = metaEntries(body, walk.object);
  if (!read.ok) return read;
  const entries = read.value;
  const out: InteractionInput[] = [];
  const skips: SkippedItem[] = [];
  const keep = (step: MetaStep): AdapterFailure | undefined => {
    if (!step.ok) return step.error;
    const items = step.value === undefined ? [] : Array.isArray(step.value) ? step.value : [step.value];
    for (const item of items as readonly (InteractionInput | SkippedItem)[]) {
      if ("rule" in item) skips.push(item);
      else out.push(item);
    }
    return undefined;
  };
  for (let ei = 0; ei < entries.length; ei++) {
    const raw = entries[ei];
    if (!isObj(raw)) return missing(["entry", ei], `entry[${ei}]: an object`);
    const entry: MetaEntry = { index: ei, id: idField(raw, "id"), time: metaTimeMs(numField(raw, "time")) };
    const events: [unknown, MetaPath][] = [];
    if (walk.event !== undefined)
      for (const key of ["messaging", "standby"] as const)
        for (const [mi, m] of (arrField(raw, key) ?? []).entries()) events.push([m, ["entry", ei, key, mi]]);
    const changes = entryChanges(raw, ei, walk.event !== undefined);
    if (changes.length === 0 && events.length === 0)
      return walk.event === undefined
        ? missing(["entry", ei, "changes"], `entry[${ei}].changes (a non-empty array)`)
        : missing(["entry", ei], `entry[${ei}] with changes, field and value, messaging or standby`);
    for (const [change, at] of changes) {
      if (!isObj(change)) return missing(at, `${at.join(".")}: an object`);
      const field = strField(change, "field") ?? "";
      if (walk.event !== undefined && walk.messagingFields?.has(field) === true) {
        events.push([objField(change, "value"), [...at, "value"]]);
        continue;
      }
      const failed = keep(walk.change(change, field, at, entry));
      if (failed !== undefined) return { ok: false, error: failed };
    }
    for (let i = 0; i < events.length; i++) {
      const [m, at] = events[i] as [unknown, MetaPath];
      const failed = keep((walk.event as NonNullable<MetaEntryWalk["event"]>)(m, at, entry, i));
      if (failed !== undefined) return { ok: false, error: failed };
    }
  }
  return done(out, skips);
}

/**
 * The changes of one entry with their paths: `entry[i].changes`, or (with `fieldInEntry`) the
 * one `field` / `value` pair that Business Login for Instagram puts directly in the entry
 * (Meta, "Instagram Platform Webhook Notification Examples", comments payload).
 */
function entryChanges(entry: Obj, ei: number, fieldInEntry: boolean): [unknown, MetaPath][] {
  const changes = entry.changes;
  if (Array.isArray(changes)) return changes.map((c, ci) => [c, ["entry", ei, "changes", ci]]);
  if (fieldInEntry && typeof entry.field === "string")
    return [[{ field: entry.field, value: entry.value }, ["entry", ei]]];
  return [];
}
