// Issue 18, hostile-input findings (scripts/test/hostile/knownFindings.ts): a null options
// argument was a TypeError, and NaN / Infinity in content or thread fields passed into the
// output. Each is now an OpsError invalid_argument naming the field and the rule.
import { describe, expect, it } from "vitest";
import {
  actorHistory,
  buildReplyTree,
  buildThreads,
  compileNeedRules,
  countTagsByPeriod,
  mergeActors,
  needsReply,
  tagInteraction,
} from "./helpers/index";

const dm = (over: Record<string, unknown> = {}) => ({
  id: "i1",
  channelId: "ch_wx",
  kind: "dm",
  direction: "in",
  visibility: "private",
  actor: { platform: "wechat_oa", scope: "gh_1", userId: "o1" },
  content: { text: "SPF50 会闷痘吗", media: [], hashtags: [] },
  platformCreatedAt: 1772933400000,
  receivedAt: 1772933401000,
  ...over,
});
const refused = (f: () => unknown, path: readonly (string | number)[]) =>
  expect(f).toThrow(expect.objectContaining({ code: "invalid_argument", path }));

describe("null options are refused at the boundary", () => {
  it.each([
    ["actorHistory", () => actorHistory([dm()] as never, [], null as never)],
    ["buildThreads", () => buildThreads([dm()] as never, null as never)],
    ["mergeActors", () => mergeActors([], null as never)],
    ["needsReply", () => needsReply([], null as never)],
    ["countTagsByPeriod", () => countTagsByPeriod(compileNeedRules([]), [], null as never)],
  ] as const)("%s(…, null) is an OpsError naming options", (_fn, call) => {
    refused(call, ["options"]);
  });
  it("needsReply: channelIds must be an array of ids", () => {
    for (const bad of [5, "ch", [1], {}])
      refused(() => needsReply([], { channelIds: bad as never }), ["options", "channelIds"]);
    expect(needsReply([], { channelIds: [] })).toEqual([]);
  });
});

describe("NaN / Infinity in interactions and threads are refused, not passed on", () => {
  const contents = [
    Number.NaN,
    Number.POSITIVE_INFINITY,
    { text: Number.NaN },
    { text: "x", media: Number.NaN },
    { text: "x", media: [Number.NaN] },
    { text: "x", hashtags: [Number.NEGATIVE_INFINITY] },
    { text: "x", media: [{ type: "image", url: Number.NaN }] },
  ];
  it.each([
    ["buildThreads", (x: unknown) => buildThreads([x] as never)],
    ["buildReplyTree", (x: unknown) => buildReplyTree([x] as never)],
    [
      "actorHistory",
      (x: unknown) => actorHistory([x] as never, [{ platform: "wechat_oa", scope: "gh_1", userId: "o1" }]),
    ],
    ["tagInteraction", (x: unknown) => tagInteraction(compileNeedRules([{ tag: "spf", any: ["spf"] }]), x as never)],
  ] as const)("%s refuses a content that is not { text: string, … }", (_fn, call) => {
    for (const content of contents)
      expect(() => call(dm({ content }))).toThrow(
        expect.objectContaining({ code: "invalid_argument", path: expect.arrayContaining(["content"]) }),
      );
    expect(() => call(dm({ actor: { platform: "wechat_oa", scope: Number.NaN, userId: "o1" } }))).toThrow(
      expect.objectContaining({ code: "invalid_argument" }),
    );
    expect(() => call(dm())).not.toThrow();
  });

  it("countTagsByPeriod refuses a non-string content.text instead of a TypeError", () => {
    refused(
      () =>
        countTagsByPeriod(compileNeedRules([]), [dm({ content: { text: 10n } })] as never, {
          period: "day",
          timeZone: "UTC",
        }),
      ["interactions", 0, "content"],
    );
  });

  it("needsReply refuses non-instant clocks, a non-string kind, labels and reply-window events", () => {
    const thread = buildThreads([dm()] as never).threads[0] as Record<string, unknown>;
    expect(needsReply([thread] as never)).toHaveLength(1);
    for (const [field, value] of [
      ["createdAt", Number.NaN],
      ["firstReplyAt", Number.POSITIVE_INFINITY],
      ["lastInboundAt", Number.NaN],
      ["lastOutboundAt", Number.NEGATIVE_INFINITY],
      ["lastInboundKind", Number.NaN],
      ["labels", Number.NaN],
      ["labels", [Number.NaN]],
      ["replyWindowEvents", Number.NaN],
      ["replyWindowEvents", [Number.NaN]],
      ["replyWindowEvents", [{ kind: Number.NaN, at: 1, sentSince: 0 }]],
      ["replyWindowEvents", [{ kind: "dm", at: Number.NaN, sentSince: 0 }]],
      ["replyWindowEvents", [{ kind: "dm", at: 1, sentSince: Number.POSITIVE_INFINITY }]],
    ] as const)
      expect(() => needsReply([{ ...thread, [field]: value }] as never), field).toThrow(
        expect.objectContaining({ code: "invalid_argument", path: expect.arrayContaining(["threads", 0, field]) }),
      );
  });
});
