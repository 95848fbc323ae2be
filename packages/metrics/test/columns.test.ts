import { describe, expect, it } from "vitest";
import { buildEventColumns, type MetricEvent } from "@ops/metrics";

describe("buildEventColumns", () => {
  it("codes strings in order of first appearance and defaults channel, kind and value", () => {
    const cols = buildEventColumns([
      { at: 3, actor: "小红书:用户1", kind: "评论" },
      { at: 1, actor: "wx:a", channel: "wechat", value: 9.5 },
      { at: 2, actor: "小红书:用户1", channel: "wechat", kind: "评论" },
    ]);
    expect(Array.from(cols.at)).toEqual([3, 1, 2]);
    expect([cols.actors, Array.from(cols.actor)]).toEqual([
      ["小红书:用户1", "wx:a"],
      [0, 1, 0],
    ]);
    expect([cols.channels, Array.from(cols.channel)]).toEqual([
      ["", "wechat"],
      [0, 1, 1],
    ]);
    expect([cols.kinds, Array.from(cols.kind)]).toEqual([
      ["评论", ""],
      [0, 1, 0],
    ]);
    expect(Array.from(cols.value)).toEqual([0, 9.5, 0]);
  });

  it("builds empty columns from no events", () => {
    const cols = buildEventColumns([]);
    expect([cols.at.length, cols.actors, cols.kinds]).toEqual([0, [], []]);
  });

  it("refuses more than 256 kinds and bad events, naming the index", () => {
    const many: MetricEvent[] = Array.from({ length: 257 }, (_, i) => ({ at: i, actor: "a", kind: `k${i}` }));
    expect(() => buildEventColumns(many)).toThrowOpsError("out_of_range", {
      message: /^buildEventColumns: events\[256\]\.kind must be one of at most 256 distinct kinds, got "k256"$/,
    });
    expect(() =>
      buildEventColumns([
        { at: 0, actor: "a" },
        { at: 0, actor: "a", channel: 5 as unknown as string },
      ]),
    ).toThrowOpsError("invalid_argument", {
      message: /^buildEventColumns: events\[1\]\.channel must be a string, got 5$/,
    });
    expect(() => buildEventColumns("events" as unknown as MetricEvent[])).toThrowOpsError("invalid_argument");
    expect(() => buildEventColumns([null as unknown as MetricEvent])).toThrowOpsError("invalid_argument");
  });

  it("does not mutate its input", () => {
    const events = [{ at: 1, actor: "a", value: 2 }];
    buildEventColumns(events);
    expect(events).toEqual([{ at: 1, actor: "a", value: 2 }]);
  });
});
