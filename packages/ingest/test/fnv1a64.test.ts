import { describe, expect, it } from "vitest";
import { fnv1a64 } from "../src/weibo/_lib/fnv1a64";

describe("fnv1a64", () => {
  // test vectors of draft-eastlake-fnv (FNV-1a, 64 bits)
  it.each([
    ["", "cbf29ce484222325"],
    ["a", "af63dc4c8601ec8c"],
    ["foobar", "85944171f73967e8"],
  ])("hashes %j to %s", (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  it("agrees with a BigInt reference on CJK and emoji text", () => {
    const ref = (s: string) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(s)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
      return h.toString(16).padStart(16, "0");
    };
    for (const s of ["评论内容😀", "包装能不能换成可回收的？\n纸盒就很好", "x".repeat(999)])
      expect(fnv1a64(s)).toBe(ref(s));
  });
});
