/**
 * @ops/interaction — One model of comments, replies, DMs, mentions, likes, reposts, follows and campaign entries; threads; platform adapters.
 *
 * @packageDocumentation
 */
export { actorHistory } from "./actor/actorHistory";
export type { ActorHistory, ActorHistoryOptions } from "./actor/actorHistory";
export { mergeActors } from "./actor/mergeActors";
export type { AttributeConflict, MergeActorsOptions, MergedActors } from "./actor/mergeActors";
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
export { runAdapterConformance } from "./conformance/runAdapterConformance";
export type {
  AdapterFixture,
  ConformanceCheck,
  ConformanceReport,
  FixtureExpectation,
  SignatureScheme,
} from "./conformance/runAdapterConformance";
export { toActivityStreams } from "./interop/toActivityStreams";
export type { AS2Object, ToActivityStreamsOptions } from "./interop/toActivityStreams";
export { ActorKindSchema, ActorSchema, AttributeValueSchema } from "./model/Actor";
export type { Actor, ActorKind, AttributeValue } from "./model/Actor";
export { ChannelCapabilitiesSchema, ChannelSchema } from "./model/Channel";
export type { Channel, ChannelCapabilities } from "./model/Channel";
export {
  ActorIdSchema,
  CampaignIdSchema,
  ChannelIdSchema,
  InteractionIdSchema,
  ThreadIdSchema,
} from "./model/IdSchemas";
export {
  ConversationRefSchema,
  DeliverySchema,
  DeliveryStatusSchema,
  DirectionSchema,
  InteractionContentSchema,
  InteractionKindSchema,
  InteractionSchema,
  InteractionTargetSchema,
  MediaItemSchema,
  VisibilitySchema,
} from "./model/Interaction";
export type {
  ConversationRef,
  Delivery,
  DeliveryStatus,
  Direction,
  Interaction,
  InteractionContent,
  InteractionInput,
  InteractionKind,
  InteractionTarget,
  MediaItem,
  Visibility,
} from "./model/Interaction";
export { PrioritySchema, ThreadSchema, ThreadStatusSchema, ThreadTypeSchema } from "./model/Thread";
export type { Priority, Thread, ThreadInput, ThreadStatus, ThreadType } from "./model/Thread";
export { compileNeedRules, NeedRuleSchema } from "./need/compileNeedRules";
export type { CompiledNeedRules, NeedRule, NeedRuleInput } from "./need/compileNeedRules";
export { countTagsByPeriod } from "./need/countTagsByPeriod";
export type { CountTagsByPeriodOptions, TagCount } from "./need/countTagsByPeriod";
export { tagInteraction } from "./need/tagInteraction";
export { evaluateReplyWindow } from "./replyWindow/evaluateReplyWindow";
export { replyPolicy } from "./replyWindow/replyPolicy";
export { REPLY_WINDOW_POLICIES } from "./replyWindow/replyWindowPolicies";
export {
  ReplySurfaceSchema,
  ReplyWindowEventSchema,
  ReplyWindowPolicySchema,
  ReplyWindowRuleSchema,
  SourceRefSchema,
} from "./replyWindow/ReplyWindowPolicy";
export type {
  ReplyAllowance,
  ReplyAllowanceCode,
  ReplyDecision,
  ReplySurface,
  ReplyWindowEvent,
  ReplyWindowPolicy,
  ReplyWindowRule,
  SourceRef,
} from "./replyWindow/ReplyWindowPolicy";
export { buildReplyTree } from "./thread/buildReplyTree";
export type { ReplyTreeNode } from "./thread/buildReplyTree";
export { buildThreads } from "./thread/buildThreads";
export type { BuildThreadsOptions, ThreadBuild } from "./thread/buildThreads";
export { discussionDepth, DiscussionDepthOptionsSchema } from "./thread/discussionDepth";
export type { ConversationStarter, DiscussionDepth, DiscussionDepthOptions } from "./thread/discussionDepth";
export { needsReply } from "./thread/needsReply";
export type { NeedsReplyOptions } from "./thread/needsReply";
export { checkWebhookBody, WEBHOOK_BODY_LIMITS } from "./toolkit/checkWebhookBody";
export type { CheckWebhookBodyOptions } from "./toolkit/checkWebhookBody";
export { constantTimeEqual } from "./toolkit/constantTimeEqual";
export { deliveryKey } from "./toolkit/deliveryKey";
export { fromNodeHeaders } from "./toolkit/fromNodeHeaders";
export type { NodeLikeHeaders } from "./toolkit/fromNodeHeaders";
export { headerValue } from "./toolkit/headerValue";
