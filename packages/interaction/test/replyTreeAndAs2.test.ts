import { describe, expect, it } from "vitest";
import { buildReplyTree, toActivityStreams } from "./helpers/index";
import { brand, ix, T0, user } from "./helpers/make";

const pub = { visibility: "public", kind: "reply" } as const;

describe("buildReplyTree", () => {
  it("nests replies under their parents, oldest first, with depths", () => {
    const roots = buildReplyTree([
      ix({ ...pub, id: "r2", inReplyTo: "c1", platformCreatedAt: T0 + 2 }),
      ix({ ...pub, kind: "comment", id: "c1", platformCreatedAt: T0 }),
      ix({ ...pub, id: "r1", inReplyTo: "c1", platformCreatedAt: T0 + 1 }),
      ix({ ...pub, id: "r11", inReplyTo: "r1", platformCreatedAt: T0 + 3 }),
      ix({ ...pub, kind: "comment", id: "c2", platformCreatedAt: T0 + 4 }),
      ix({
        id: "like",
        kind: "like",
        visibility: "public",
        direction: "activity",
        inReplyTo: "c1",
        platformCreatedAt: T0 + 5,
      }),
    ]);
    const shape = roots.map((n) => [
      n.interaction.id,
      n.children.map((c) => [c.interaction.id, c.depth, c.children.map((g) => [g.interaction.id, g.depth])]),
    ]);
    expect(shape).toEqual([
      [
        "c1",
        [
          ["r1", 1, [["r11", 2]]],
          ["r2", 1, []],
        ],
      ],
      ["c2", []],
    ]);
  });

  it("makes orphans roots and breaks cycles", () => {
    const roots = buildReplyTree([
      ix({ ...pub, id: "o", inReplyTo: "missing", platformCreatedAt: T0 }),
      ix({ ...pub, id: "a", inReplyTo: "b", platformCreatedAt: T0 + 1 }),
      ix({ ...pub, id: "b", inReplyTo: "a", platformCreatedAt: T0 + 2 }),
    ]);
    expect(roots.map((n) => n.interaction.id)).toEqual(["o", "a"]);
    expect(roots[1]!.children.map((c) => c.interaction.id)).toEqual(["b"]);
  });

  it("handles a chain 20 000 deep without overflowing the stack", () => {
    const list = [ix({ ...pub, kind: "comment", id: "n0", platformCreatedAt: T0 })];
    for (let i = 1; i < 20_000; i++)
      list.push(ix({ ...pub, id: `n${i}`, inReplyTo: `n${i - 1}`, platformCreatedAt: T0 + i }));
    let node = buildReplyTree(list)[0]!;
    while (node.children.length > 0) node = node.children[0]!;
    expect(node.depth).toBe(19_999);
  });

  it("returns no roots for no input and refuses a malformed one", () => {
    expect(buildReplyTree([])).toEqual([]);
    expect(() => buildReplyTree([{ id: 1 } as never])).toThrowOpsError("invalid_argument");
  });
});

describe("toActivityStreams", () => {
  it("maps a DM to Create/Note addressed to the recipient", () => {
    const as = toActivityStreams(
      ix({
        id: "o1",
        direction: "out",
        actor: brand,
        recipient: user,
        content: { text: "您好" },
        platformCreatedAt: T0,
      }),
    );
    expect(as).toMatchObject({
      "@context": "https://www.w3.org/ns/activitystreams",
      type: "Create",
      id: "urn:ops:interaction:o1",
      actor: "urn:ops:actor:wechat_oa:gh_3a8f1c2d9e7b:gh_3a8f1c2d9e7b",
      published: "2026-03-08T01:00:00.000Z",
      to: ["urn:ops:actor:wechat_oa:gh_3a8f1c2d9e7b:oX1y2Z3"],
      object: { type: "Note", content: "您好" },
    });
  });

  it.each([
    ["like", "Like"],
    ["repost", "Announce"],
    ["follow", "Follow"],
    ["unfollow", "Undo"],
    ["recall", "Delete"],
    ["report", "Flag"],
    ["campaign_entry", "Join"],
    ["qr_scan", "Activity"],
  ] as const)("maps %s to %s (AS2 vocabulary)", (kind, type) => {
    const as = toActivityStreams(
      ix({
        id: "x",
        kind,
        visibility: "public",
        direction: "activity",
        target: { type: "post", id: "p/1" },
        platformCreatedAt: T0,
      }),
    );
    expect(as.type).toBe(type);
  });

  it("uses the base IRI, escapes ids and gives internal notes no addressing", () => {
    const as = toActivityStreams(
      ix({
        id: "a b",
        kind: "like",
        visibility: "internal_note",
        target: { type: "post", id: "p/1" },
        platformCreatedAt: T0,
      }),
      { baseIri: "https://ops.example/" },
    );
    expect([as.id, as.object, "to" in as]).toEqual([
      "https://ops.example/interaction:a%20b",
      "https://ops.example/object:ch_wx:post:p%2F1",
      false,
    ]);
  });

  it("refuses a malformed interaction", () => {
    expect(() => toActivityStreams({ id: "x" } as never)).toThrowOpsError("invalid_argument");
  });
});
