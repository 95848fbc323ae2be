import { describe, expect, it } from "vitest";
import { detectAdvertising } from "./helpers";

const kinds = (text: string, options = {}) => detectAdvertising(text, options).map((h) => [h.detector, h.value]);

describe("detectAdvertising", () => {
  it.each([
    ["http://bit.ly/3xYz", [["url", "bit.ly"]]],
    ["去 taobao。com 搜", [["url", "taobao.com"]]],
    ["shop [.] example [dot] net?", [["url", "example.net"]]], // the registrable part of shop.example.net
    ["my-shop(.)cn", [["url", "my-shop.cn"]]],
    ["ＶＸ：ｂｅａｕｔｙ＿２０２６", [["wechat", "beauty_2026"]]],
    [
      "威信号 13912345678",
      [
        ["wechat", "13912345678"],
        ["phone", "13912345678"],
      ],
    ],
    ["+86 139-1234-5678", [["phone", "13912345678"]]],
    ["电话：幺三九 一二三四 五六七八", [["phone", "13912345678"]]],
    ["扫描下方二维码入群", [["qr", "二维码"]]],
    ["scan the QR-code below", [["qr", "qrcode"]]],
  ])("finds the contact in %s", (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    "订单号 1391234567890 已发货", // 13 digits: not a phone number
    "价格 139.00 元 / 2 件",
    "第 12345678901234 期",
    "I said no.Come on!", // "com" followed by more letters of the same word is not a TLD
    "我们在微信群里聊",
    "",
  ])("finds nothing in the ordinary text %s", (text) => {
    expect(detectAdvertising(text)).toEqual([]);
  });

  it("turns detectors off, allows domains with their subdomains, and takes custom lists", () => {
    const text = "官网 shop.brand.cn，客服 vx: brand_cs01，电话 13800138000，扫码关注";
    expect(kinds(text, { allowDomains: ["brand.cn"], phones: false, qr: false })).toEqual([["wechat", "brand_cs01"]]);
    expect(kinds("联系 QQ号 123456789", { wechatCues: ["qq号"], phones: false })).toEqual([["wechat", "123456789"]]);
    // a cue with regex syntax in it: `-` used to be escaped as `\-`, a SyntaxError under the `u` flag
    expect(kinds("加 v-x: brand_cs01", { wechatCues: ["v-x", "w.x(y)"], phones: false })).toEqual([
      ["wechat", "brand_cs01"],
    ]);
    expect(kinds("加 vx: brand_cs01", { wechatCues: ["v-x", "w.x(y)"], phones: false })).toEqual([]);
    expect(kinds("see example.shop", { tlds: ["shop"] })).toEqual([["url", "example.shop"]]);
    expect(kinds("see example.com", { tlds: ["shop"] })).toEqual([]);
    expect(kinds("看码领券", { qrCues: ["看码"] })).toEqual([["qr", "看码"]]);
  });

  it("reports where each hit is in the text as written", () => {
    const text = "hi ＶＸ：ｂｅａｕｔｙ＿２０２６!";
    const [hit] = detectAdvertising(text);
    expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
    expect(hit!.text).toBe("ＶＸ：ｂｅａｕｔｙ＿２０２６");
  });

  it("refuses a non-string text and bad options", () => {
    expect(() => detectAdvertising(null as unknown as string)).toThrowOpsError("invalid_argument", {
      fn: "detectAdvertising",
      path: ["text"],
      message: /must be a string/,
    });
    expect(() => detectAdvertising("x", { tlds: ["c0m"] })).toThrowOpsError("invalid_argument", {
      fn: "detectAdvertising",
      path: ["options", "tlds", 0],
      message: /must be a top-level domain of 2–24 letters/,
    });
  });
});
