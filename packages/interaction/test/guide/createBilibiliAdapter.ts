import { createHmac } from "node:crypto";
import { failure, type Result } from "@ops/core";
import { InteractionSchema, replyPolicy, type Interaction, type ReplyWindowPolicy } from "@ops/interaction";
import {
  constantTimeEqual,
  deliveryKey,
  headerValue,
  OutboundDraftSchema,
  type AdapterFailure,
  type PlatformAdapter,
} from "@ops/interaction/adapters";

// Bilibili pushes no comment webhooks: the integrator polls the reply-notification feed
// (x/msgfeed/reply, as documented by the community bilibili-API-collect project) and
// forwards each page to its webhook handler, signed with its own key. Check the field
// names against your account's responses before relying on them.
export const BILIBILI_POLICY: ReplyWindowPolicy = {
  id: "bilibili.comments",
  platform: "bilibili",
  unrestricted: ["public_reply"],
  rules: [],
  sources: [],
  note: "Replies to comments are not windowed; private messages are not covered by this example.",
};

const bad = (code: AdapterFailure["code"], message: string, path: (string | number)[] = []) =>
  ({ ok: false, error: failure(code, message, path) }) as const;

function page(body: string): Result<unknown[], AdapterFailure> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return bad("malformed_payload", "body is not JSON");
  }
  const items = (json as { data?: { items?: unknown } } | null)?.data?.items;
  return Array.isArray(items)
    ? { ok: true, value: items }
    : bad("missing_field", "data.items must be an array", ["data", "items"]);
}

export function createBilibiliAdapter(): PlatformAdapter {
  return {
    platform: "bilibili",
    policy: BILIBILI_POLICY,
    verify(request, secret) {
      const sig = headerValue(request?.headers ?? {}, "x-ops-signature"); // names in any case
      if (sig === undefined || typeof secret?.secret !== "string" || typeof request.body !== "string")
        return bad("bad_signature", "x-ops-signature is missing");
      const expected = createHmac("sha256", secret.secret).update(request.body).digest("hex");
      return constantTimeEqual(expected, sig) // never ===: its timing leaks how much of a forgery was right
        ? { ok: true, value: { kind: "delivery" } }
        : bad("bad_signature", "x-ops-signature does not match");
    },
    dedupeKey(body) {
      // key on what a retry keeps identical (the bytes), never on ids two deliveries can share
      const items = page(body);
      return items.ok ? { ok: true, value: deliveryKey("bilibili", "reply_page", body) } : items;
    },
    parse(body, context) {
      const items = page(body);
      if (!items.ok) return items;
      const out: Interaction[] = [];
      for (const [i, raw] of items.value.entries()) {
        const x = raw as {
          id?: unknown;
          reply_time?: unknown;
          user?: { mid?: unknown };
          item?: {
            type?: unknown;
            source_id?: unknown;
            target_id?: unknown;
            subject_id?: unknown;
            source_content?: unknown;
          };
        } | null;
        // likes and @-mentions come from other feeds: anything else here is refused, not skipped
        if (x?.item?.type !== "reply")
          return bad("unknown_event", `item ${i} has type ${String(x?.item?.type)}, not reply`, [
            "data",
            "items",
            i,
            "item",
            "type",
          ]);
        const parsed = InteractionSchema.safeParse({
          id: `bilibili:${context.account}:reply:${String(x.item.source_id)}`,
          nativeId: String(x.item.source_id),
          channelId: context.channelId,
          kind: x.item.target_id ? "reply" : "comment",
          direction: "in",
          visibility: "public",
          actor: { platform: "bilibili", scope: "", userId: String(x.user?.mid ?? "") },
          ...(x.item.target_id ? { inReplyTo: `bilibili:${context.account}:reply:${String(x.item.target_id)}` } : {}),
          target: { type: "post", id: String(x.item.subject_id ?? "") },
          content: { text: typeof x.item.source_content === "string" ? x.item.source_content : "" },
          platformCreatedAt: typeof x.reply_time === "number" ? x.reply_time * 1000 : Number.NaN,
          receivedAt: context.receivedAt,
          raw: x,
        });
        if (!parsed.success)
          return bad("missing_field", `item ${i}: ${parsed.error.issues[0]?.message ?? "invalid"}`, [
            "data",
            "items",
            i,
          ]);
        out.push(parsed.data);
      }
      return { ok: true, value: out };
    },
    replyPolicy(thread, now) {
      return replyPolicy(thread, BILIBILI_POLICY, now);
    },
    toOutbound(draft) {
      const d = OutboundDraftSchema.safeParse(draft);
      if (!d.success) return bad("invalid_request", "draft is invalid", ["draft"]);
      if (d.data.surface !== "public_reply")
        return bad("unsupported", "this example only answers comments in public", ["draft", "surface"]);
      const src = d.data.inReplyTo;
      if (src?.nativeId === undefined || src.target === undefined)
        return bad("missing_field", "inReplyTo needs nativeId and target", ["draft", "inReplyTo"]);
      const body = new URLSearchParams({
        type: "1",
        oid: src.target.id,
        root: src.nativeId,
        parent: src.nativeId,
        message: d.data.text,
      }).toString();
      return {
        ok: true,
        value: {
          method: "POST",
          path: "/x/v2/reply/add",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body,
        },
      };
    },
  };
}
