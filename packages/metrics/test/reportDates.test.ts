import { type ReportSection, renderMarkdown, weeklyReport } from "@ops/metrics";
import { describe, expect, it } from "vitest";

const at = Date.parse("2026-03-09T00:00:00+08:00");
const dates = (values: number[]): ReportSection => ({
  id: "dates",
  title: { key: "dates.title", en: "Dates", "zh-CN": "日期" },
  blocks: [
    {
      kind: "figures",
      items: values.flatMap((value, i) => [
        { label: { key: `dates.t${i}`, en: `t${i}`, "zh-CN": `t${i}` }, value: { kind: "instant", value } },
        {
          label: { key: `dates.d${i}`, en: `d${i}`, "zh-CN": `d${i}` },
          value: { kind: "instant", value, precision: "day" },
        },
      ]),
    },
  ],
});
const lines = (zone: string, locale: "en" | "zh-CN", values: number[]) =>
  renderMarkdown(weeklyReport({}, { timeZone: zone, at }), { locale, sections: [dates(values)] })
    .trimEnd()
    .split("\n")
    .slice(-2 * values.length);

describe("dates in report sections (date-fns 4.4.0 format with @date-fns/tz)", () => {
  // date-fns 4.4.0: format(new TZDate(t, "America/New_York"), "PP HH:mm", { locale: enUS }) across
  // the DST change of 2026-03-08 (EST −5 h → EDT −4 h)
  it("follows the zone's offset across a DST change", () => {
    expect(
      lines("America/New_York", "en", [Date.parse("2026-03-08T06:59:00Z"), Date.parse("2026-03-08T07:00:00Z")]),
    ).toEqual(["- t0: Mar 8, 2026 01:59", "- d0: Mar 8, 2026", "- t1: Mar 8, 2026 03:00", "- d1: Mar 8, 2026"]);
    expect(lines("America/New_York", "zh-CN", [Date.parse("2026-03-08T07:00:00Z")])).toEqual([
      "- t0：2026年3月8日 03:00",
      "- d0：2026年3月8日",
    ]);
  });

  it("writes the last instants, whose local time lies outside Date's range, as ISO-like local text", () => {
    // 8.64e15 ms = +275760-09-13T00:00Z, 08:00 in Shanghai (past Date's last local day)
    expect(lines("Asia/Shanghai", "zh-CN", [8.64e15])).toEqual(["- t0：+275760-09-13 08:00", "- d0：+275760-09-13"]);
    expect(lines("UTC", "en", [8.64e15])).toEqual(["- t0: Sep 13, 275760 00:00", "- d0: Sep 13, 275760"]);
    expect(lines("Asia/Shanghai", "en", [8.64e15]).join("\n")).not.toMatch(/NaN/);
  });
});
