/**
 * @ops/interaction — One model of comments, replies, DMs, mentions, likes, reposts, follows and campaign entries; threads; platform adapters.
 *
 * @packageDocumentation
 */
export {};
