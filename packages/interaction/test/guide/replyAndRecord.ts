import type { Interaction } from "@ops/interaction";
import {
  recordOutbound,
  type OutboundDraftInput,
  type OutboundRequest,
  type ParseContext,
  type PlatformAdapter,
} from "@ops/interaction/adapters";

/** Your transport: performs the request on the platform's API host with the account's token; returns the JSON answer. */
export type Send = (request: OutboundRequest) => Promise<unknown>;

/** Where each platform's send answer carries the new message's id. */
export function sentMessageId(platform: string, answer: unknown): string | undefined {
  const a = answer as {
    message_id?: string;
    id?: string;
    messages?: { id?: string }[];
    data?: { dm_event_id?: string; id?: string };
  };
  if (platform === "whatsapp") return a.messages?.[0]?.id; // { messages: [{ id: "wamid.…" }] }
  if (platform === "x") return a.data?.dm_event_id ?? a.data?.id; // DM event, or a post
  return a.message_id ?? a.id; // Messenger and Instagram messages; Graph API comment replies
}

/** Sends a reply and returns the outbound interaction to store, so that the answered thread closes. */
export async function replyAndRecord(
  adapter: PlatformAdapter,
  draft: OutboundDraftInput,
  context: ParseContext,
  send: Send,
  now: () => number = Date.now,
): Promise<Interaction> {
  const request = adapter.toOutbound(draft);
  if (!request.ok) throw new Error(`${request.error.code}: ${request.error.message}`);
  const answer = await send(request.value);
  const messageId = sentMessageId(adapter.platform, answer);
  if (messageId === undefined) throw new Error("the send answer carries no message id");
  const sent = recordOutbound(draft, { messageId, sentAt: now() }, context);
  if (!sent.ok) throw new Error(`${sent.error.code}: ${sent.error.message}`);
  return sent.value;
}
