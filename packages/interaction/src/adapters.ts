/**
 * \@ops/interaction/adapters — the platform adapters (Douyin, Instagram, Messenger, WeChat
 * Official Accounts, Weibo, WhatsApp, X), the {@link PlatformAdapter} interface an integrator
 * implements, {@link handleWebhook} that runs one, and the webhook toolkit (body limits,
 * constant-time comparison, delivery keys, header helpers). A backend that needs only the
 * interaction model imports `@ops/interaction` and loads none of this.
 *
 * @module adapters
 */
export { createDouyinAdapter } from "./adapter/createDouyinAdapter";
export { createInstagramAdapter } from "./adapter/createInstagramAdapter";
export { createMessengerAdapter } from "./adapter/createMessengerAdapter";
export { createWechatOaAdapter, WechatOaAdapterOptionsSchema } from "./adapter/createWechatOaAdapter";
export type { WechatOaAdapterOptions } from "./adapter/createWechatOaAdapter";
export { createWeiboAdapter } from "./adapter/createWeiboAdapter";
export { createWhatsappAdapter } from "./adapter/createWhatsappAdapter";
export { createXAdapter } from "./adapter/createXAdapter";
export { handleWebhook, HandleWebhookOptionsSchema } from "./adapter/handleWebhook";
export type { HandleWebhookOptions, WebhookOutcome } from "./adapter/handleWebhook";
export { instagramMentionLookups, InstagramMentionLookupSchema } from "./adapter/instagramMentionLookups";
export type { InstagramMentionLookup, InstagramMentionLookupInput } from "./adapter/instagramMentionLookups";
export { parseInstagramMention } from "./adapter/parseInstagramMention";
export { OutboundDraftSchema, WebhookRequestSchema, WebhookSecretSchema } from "./adapter/PlatformAdapter";
export type {
  AdapterFailure,
  AdapterFailureCode,
  AdapterLookup,
  AdapterOptions,
  OutboundDraft,
  OutboundDraftInput,
  OutboundRequest,
  ParseContext,
  ParsedDelivery,
  PlatformAdapter,
  SkippedItem,
  VerifyOutcome,
  WebhookRequest,
  WebhookResponse,
  WebhookSecret,
} from "./adapter/PlatformAdapter";
export { recordOutbound, SentMessageSchema } from "./adapter/recordOutbound";
export type { SentMessage } from "./adapter/recordOutbound";
export { checkWebhookBody, WEBHOOK_BODY_LIMITS } from "./toolkit/checkWebhookBody";
export type { CheckWebhookBodyOptions } from "./toolkit/checkWebhookBody";
export { constantTimeEqual } from "./toolkit/constantTimeEqual";
export { deliveryKey } from "./toolkit/deliveryKey";
export { fromNodeHeaders } from "./toolkit/fromNodeHeaders";
export type { NodeLikeHeaders } from "./toolkit/fromNodeHeaders";
export { headerValue } from "./toolkit/headerValue";
