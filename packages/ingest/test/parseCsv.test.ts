import { isOpsError, OpsError } from "@ops/core";
import { MAX_CSV_CHARS, MAX_CSV_ROWS, parseCsv } from "@ops/ingest";
import { describe, expect, it } from "vitest";
import { WEIBO_COMMENTS } from "./_fixtures";

describe("parseCsv", () => {
  it("strips the BOM, reads CRLF, quoted commas, doubled quotes and quoted line breaks, and skips blank lines by name", () => {
    const t = parseCsv(WEIBO_COMMENTS);
    expect(t.header[0]).toBe("评论ID");
    expect(t.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(t.rows[2]?.cells["评论者昵称"]).toBe("Anna, 上海");
    expect(t.rows[2]?.cells["评论内容"]).toBe("包装能不能换成可回收的？\n纸盒就很好");
    expect(t.rows[0]?.cells["点赞数"]).toBe("1,024");
    expect(t.errors).toEqual([]);
    expect(t.skipped).toEqual([{ row: 5, rule: "blank_line" }]);
  });

  it("counts a quoted field spanning lines as one row, as a spreadsheet does", () => {
    const t = parseCsv('a,b\n1,"x\ny"\n2,z\n');
    expect(t.rows.map((r) => [r.row, r.cells.b])).toEqual([
      [2, "x\ny"],
      [3, "z"],
    ]);
  });

  it("reads LF, CRLF and CR line ends in one file", () => {
    const t = parseCsv("a,b\r\n1,2\n3,4\r5,6");
    expect(t.rows.map((r) => r.cells.a)).toEqual(["1", "3", "5"]);
  });

  it("turns an unterminated quote into a row error instead of dropping rows", () => {
    const t = parseCsv('a,b\n1,2\n3,"oops\n4,5\n');
    expect(t.rows.map((r) => r.row)).toEqual([2]);
    expect(t.errors).toEqual([
      {
        row: 3,
        column: null,
        rule: "unterminated_quote",
        message: "row 3: a quoted field is never closed, so the rest of the file was read into it",
      },
    ]);
  });

  it("turns a malformed quote into a row error", () => {
    const t = parseCsv('a,b\n1,"2"x"\n');
    expect(t.errors[0]?.row).toBe(2);
    expect(t.errors[0]?.rule).toBe("malformed_quote");
  });

  it("names the first column a short row lacks, and refuses a row with extra values", () => {
    const t = parseCsv("标题,阅读次数,点赞\n春季,128,524,3\n冬季,12\n夏季,5,1,,\n");
    expect(t.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, null, "field_count"],
      [3, "点赞", "field_count"],
    ]);
    // trailing empty fields (Excel's) are not an error
    expect(t.rows.map((r) => r.cells)).toEqual([{ 标题: "夏季", 阅读次数: "5", 点赞: "1" }]);
  });

  it("takes the header from headerRow and skips the lines above as preamble", () => {
    const t = parseCsv("图文分析 2026-03-09 至 2026-03-15\n标题,阅读次数\n春季,12\n", { headerRow: 2 });
    expect(t.skipped).toEqual([{ row: 1, rule: "preamble" }]);
    expect(t.rows).toEqual([{ row: 3, cells: { 标题: "春季", 阅读次数: "12" } }]);
  });

  it("decodes UTF-8 bytes fatally and GB18030 bytes on request", () => {
    const bytes = new TextEncoder().encode("\uFEFF标题\n春季\n");
    expect(parseCsv(bytes).rows[0]?.cells["标题"]).toBe("春季");
    // 标题 / 春季 in GBK: what Excel writes for "CSV (逗号分隔)" on Chinese Windows
    const gbk = new Uint8Array([0xb1, 0xea, 0xcc, 0xe2, 0x0a, 0xb4, 0xba, 0xbc, 0xbe, 0x0a]);
    expect(() => parseCsv(gbk)).toThrow(/gb18030/);
    expect(parseCsv(gbk, { encoding: "gb18030" }).rows[0]?.cells["标题"]).toBe("春季");
  });

  it("uses the delimiter it is given and never guesses", () => {
    expect(parseCsv("a\tb\n1,5\t2\n", { delimiter: "\t" }).rows[0]?.cells).toEqual({ a: "1,5", b: "2" });
    expect(parseCsv("a;b\n1;2\n").header).toEqual(["a;b"]);
  });

  it("keeps a header named __proto__ as a plain key", () => {
    const t = parseCsv("__proto__,b\nx,y\n");
    expect(Object.getPrototypeOf(t.rows[0]?.cells)).toBe(Object.prototype);
    expect(Object.keys(t.rows[0]?.cells ?? {})).toEqual(["__proto__", "b"]);
  });

  it("refuses text beyond MAX_CSV_CHARS and MAX_CSV_ROWS with out_of_range", () => {
    const long = "a".repeat(MAX_CSV_CHARS + 1);
    expect(() => parseCsv(long)).toThrow(expect.objectContaining({ code: "out_of_range", path: ["text"] }));
    const many = "a\n".repeat(MAX_CSV_ROWS + 1);
    expect(() => parseCsv(many)).toThrow(expect.objectContaining({ code: "out_of_range" }));
  });

  it("refuses a non-text input and bad options with OpsError invalid_argument", () => {
    for (const bad of [42, null, { text: "a" }]) {
      try {
        parseCsv(bad as never);
        expect.unreachable();
      } catch (e) {
        expect(isOpsError(e, "invalid_argument")).toBe(true);
      }
    }
    expect(() => parseCsv("a", { delimiter: ":" as never })).toThrow(OpsError);
    expect(() => parseCsv("a", { headerRow: 3 })).toThrow(/headerRow/);
  });

  it("does not mutate its input bytes", () => {
    const bytes = new TextEncoder().encode("a\n1\n");
    const copy = bytes.slice();
    parseCsv(bytes);
    expect(bytes).toEqual(copy);
  });
});
