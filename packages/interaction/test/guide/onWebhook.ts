import { ChannelIdSchema, type Interaction } from "@ops/interaction";
import {
  handleWebhook,
  type AdapterLookup,
  type PlatformAdapter,
  type WebhookRequest,
} from "@ops/interaction/adapters";

/** What your application keeps around the pure adapter. */
export interface WebhookStore {
  /** Dedupe keys of the deliveries already processed (a table with a unique index, in production). */
  readonly seenKeys: Set<string>;
  save(interactions: readonly Interaction[]): Promise<void>;
  /** API reads a delivery still needs (Instagram mentions), done later. */
  enqueue(lookups: readonly AdapterLookup[]): Promise<void>;
}

const channelId = ChannelIdSchema.parse("ch_bili");

/** Your HTTP handler's body: `request.body` must be the raw text, byte for byte. */
export async function onWebhook(
  adapter: PlatformAdapter,
  request: WebhookRequest,
  secret: string,
  store: WebhookStore,
): Promise<{ status: number; body: string }> {
  const context = { channelId, account: "9876543", receivedAt: Date.now() };
  const outcome = handleWebhook(adapter, request, { secret }, context, store.seenKeys);
  if (!outcome.ok) {
    const refused = outcome.error.code === "bad_signature" || outcome.error.code === "stale_request";
    return { status: refused ? 401 : 200, body: "" };
  }
  if (outcome.value.kind === "challenge") return outcome.value.response;
  await store.save(outcome.value.interactions);
  store.seenKeys.add(outcome.value.key);
  await store.enqueue(outcome.value.lookups);
  return { status: 200, body: "" };
}
