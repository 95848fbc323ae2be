/**
 * @ops/interaction — One model of comments, replies, DMs, mentions, likes, reposts, follows and campaign entries; threads; platform adapters.
 *
 * @packageDocumentation
 */
export { actorHistory } from "./actor/actorHistory";
export type { ActorHistory, ActorHistoryOptions } from "./actor/actorHistory";
export { mergeActors } from "./actor/mergeActors";
export type { AttributeConflict, MergeActorsOptions, MergedActors } from "./actor/mergeActors";
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
export { discussionDepth } from "./thread/discussionDepth";
export type { ConversationStarter, DiscussionDepth, DiscussionDepthOptions } from "./thread/discussionDepth";
export { needsReply } from "./thread/needsReply";
export type { NeedsReplyOptions } from "./thread/needsReply";
