/**
 * @ops/interaction — One model of comments, replies, DMs, mentions, likes, reposts, follows and campaign entries; threads; platform adapters.
 *
 * @packageDocumentation
 */
export { actorHistory } from "./actor/actorHistory";
export type { ActorHistory, ActorHistoryOptions } from "./actor/actorHistory";
export { mergeActors } from "./actor/mergeActors";
export type { AttributeConflict, MergeActorsOptions, MergedActors } from "./actor/mergeActors";
export { OutboundDraftSchema, WebhookRequestSchema, WebhookSecretSchema } from "./adapter/PlatformAdapter";
export type {
  AdapterFailure,
  AdapterFailureCode,
  AdapterLookup,
  OutboundDraft,
  OutboundDraftInput,
  OutboundRequest,
  ParseContext,
  PlatformAdapter,
  VerifyOutcome,
  WebhookRequest,
  WebhookResponse,
  WebhookSecret,
} from "./adapter/PlatformAdapter";
export { handleWebhook, HandleWebhookOptionsSchema } from "./adapter/handleWebhook";
export type { HandleWebhookOptions, WebhookOutcome } from "./adapter/handleWebhook";
export { createDouyinAdapter } from "./adapters/createDouyinAdapter";
export { createInstagramAdapter } from "./adapters/createInstagramAdapter";
export { createWechatOaAdapter, WechatOaAdapterOptionsSchema } from "./adapters/createWechatOaAdapter";
export type { AdapterOptions, WechatOaAdapterOptions } from "./adapters/createWechatOaAdapter";
export { createWeiboAdapter } from "./adapters/createWeiboAdapter";
export { createXAdapter } from "./adapters/createXAdapter";
export { instagramMentionLookups, InstagramMentionLookupSchema } from "./adapters/instagramMentionLookups";
export type { InstagramMentionLookup, InstagramMentionLookupInput } from "./adapters/instagramMentionLookups";
export { parseInstagramMention } from "./adapters/parseInstagramMention";
export { runAdapterConformance } from "./conformance/runAdapterConformance";
export type {
  AdapterFixture,
  ConformanceCheck,
  ConformanceReport,
  FixtureExpectation,
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
export { compileNeedRules, NeedRuleSchema } from "./needs/compileNeedRules";
export type { CompiledNeedRules, NeedRule, NeedRuleInput } from "./needs/compileNeedRules";
export { countTagsByPeriod } from "./needs/countTagsByPeriod";
export type { CountTagsByPeriodOptions, TagCount } from "./needs/countTagsByPeriod";
export { tagInteraction } from "./needs/tagInteraction";
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
export { evaluateReplyWindow } from "./replyWindow/evaluateReplyWindow";
export { replyPolicy } from "./replyWindow/replyPolicy";
export { REPLY_WINDOW_POLICIES } from "./replyWindow/replyWindowPolicies";
export { buildReplyTree } from "./thread/buildReplyTree";
export type { ReplyTreeNode } from "./thread/buildReplyTree";
export { buildThreads } from "./thread/buildThreads";
export type { BuildThreadsOptions, ThreadBuild } from "./thread/buildThreads";
export { needsReply } from "./thread/needsReply";
export type { NeedsReplyOptions } from "./thread/needsReply";
