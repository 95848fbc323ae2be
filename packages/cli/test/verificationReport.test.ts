import { verifyDraw } from "@ops/raffle";
import { describe, expect, it } from "vitest";
import { REPORT_MESSAGES, type VerificationReport, verificationReport } from "../src/index";
import { award, awardInputs, quiz, submissions } from "./contestFixtures";
import { certificate, publishedList, receipts } from "./fixtures";
import { publishedList as vectorList, VECTORS } from "./memoryIo";

const keys = (lines: VerificationReport["checked"]) => lines.map((l) => l.key);
const codes = (lines: VerificationReport["problems"]) => lines.map((l) => l.code);

/** Every line has both languages, with every `{slot}` filled. */
function expectWellWritten(report: VerificationReport): void {
  for (const line of [...report.checked, ...report.notChecked, ...report.problems]) {
    expect(line.text.en.length).toBeGreaterThan(0);
    expect(line.text.zh.length).toBeGreaterThan(0);
    expect(line.text.en).not.toMatch(/\{\w+\}/);
    expect(line.text.zh).not.toMatch(/\{\w+\}/);
    expect(REPORT_MESSAGES[line.key]).toBeDefined();
  }
  expect(report.title.en).not.toMatch(/\{\w+\}/);
  expect(report.title.zh).not.toMatch(/\{\w+\}/);
}

describe("verificationReport", () => {
  it("verifies an honest draw without the list, and says that nobody-left-out could not be checked", () => {
    const cert = certificate();
    const report = verificationReport(cert, {});
    expect(report.kind).toBe("draw");
    expect(report.verdict).toBe("verified");
    expect(report.problems).toEqual([]);
    expect(keys(report.checked)).toEqual([
      "checked.spec_hash",
      "checked.randomness_commit",
      "checked.seed",
      "checked.scores",
      "checked.order",
    ]);
    expect(keys(report.notChecked)).toEqual([
      "not_checked.list",
      "not_checked.spec_published",
      "not_checked.list_root_published",
      "not_checked.commit_trust",
      "not_checked.eligibility",
    ]);
    const notChecked = report.notChecked[0]!.text;
    expect(notChecked.en).toContain("nobody with a better score was left out");
    expect(notChecked.en).toContain(`(${cert.list.size})`);
    expect(notChecked.zh).toContain("分数更好的人被遗漏");
    expect(report.notChecked[1]!.text.en).toContain(cert.specHash);
    expect(report.title.en).toBe("VERIFIED — lucky draw “mug-draw”");
    expect(report.title.zh).toBe("验证通过 — 抽奖 “mug-draw”");
    expectWellWritten(report);
  });

  it("with the list and the published hashes, checks everything it can and says so", () => {
    const cert = certificate();
    const report = verificationReport(cert, {
      list: publishedList(),
      expectedSpecHash: cert.specHash.toUpperCase(),
      expectedListRoot: cert.list.root,
    });
    expect(report.verdict).toBe("verified");
    expect(keys(report.checked)).toContain("checked.full_rerun");
    expect(keys(report.checked)).toContain("checked.spec_published");
    expect(keys(report.checked)).toContain("checked.list_root_published");
    expect(keys(report.notChecked)).toEqual(["not_checked.commit_trust", "not_checked.eligibility"]);
    expect(report.checked.find((l) => l.key === "checked.list")!.text.en).toContain(
      `${cert.list.size} entrants, ${cert.list.totalWeight} chances`,
    );
  });

  it("on a drand draw, names the round and the pinned chain, and does not warn about a committed secret", () => {
    // the drand-public vector of packages/raffle/test/vectors/raffle-v1.json: quicknet round 1000
    const vector = VECTORS.find((v) => v.name === "drand-public")!;
    const report = verificationReport(vector.expected.certificate, { list: vectorList(vector) });
    expect(report.verdict).toBe("verified");
    const randomness = report.checked.find((l) => l.key === "checked.randomness_drand")!;
    expect(randomness.text.en).toContain("drand round 1000");
    expect(randomness.text.en).toContain("pinned public key");
    expect(keys(report.notChecked)).not.toContain("not_checked.commit_trust");
  });

  it("says who cannot be seen behind pseudonyms in pseudonymous mode", () => {
    const report = verificationReport(certificate("pseudonymous"), { list: publishedList("pseudonymous") });
    expect(report.verdict).toBe("verified");
    expect(keys(report.notChecked)).toContain("not_checked.pseudonyms");
  });

  it("refuses a certificate whose winner was swapped, with the same codes as verifyDraw", () => {
    const cert = certificate();
    const loser = publishedList().find(
      (e) => !cert.winners.some((w) => w.id === e.id) && !cert.alternates.some((a) => a.id === e.id),
    )!;
    const forged = { ...cert, winners: [{ ...cert.winners[0]!, id: loser.id }, ...cert.winners.slice(1)] };
    const expected = verifyDraw(forged, publishedList());
    const report = verificationReport(forged, { list: publishedList() });
    expect(report.verdict).toBe("refused");
    expect(expected.ok).toBe(false);
    expect(codes(report.problems)).toEqual(expected.ok ? [] : expected.error.map((f) => f.code));
    expect(codes(report.problems)).toContain("winners");
    const line = report.problems.find((p) => p.code === "winners")!;
    expect(line.text).toEqual(REPORT_MESSAGES.winners);
    expect(line.path).toBe("winners");
    expect(line.detail).toMatch(/other winners/);
    expect(report.title.en).toMatch(/^REFUSED/);
    expectWellWritten(report);
  });

  it("refuses a certificate for another spec than the published one (a redraw)", () => {
    const report = verificationReport(certificate(), { expectedSpecHash: "ab".repeat(32) });
    expect(report.verdict).toBe("refused");
    expect(codes(report.problems)).toEqual(["expected_spec_hash"]);
  });

  it("reports an entrant's own place from their receipt alone", () => {
    const cert = certificate();
    const all = receipts();
    const winner = cert.winners[0]!;
    const report = verificationReport(cert, { receipt: all[winner.id] });
    expect(report.kind).toBe("entry");
    expect(report.verdict).toBe("verified");
    const line = report.checked.find((l) => l.key === "checked.entry_winner")!;
    expect(line.text.en).toBe(`You won: prize tier ${winner.tier}, rank ${winner.rank}.`);
    expect(line.text.zh).toBe(`你中奖了：奖项 ${winner.tier}，名次 ${winner.rank}。`);
    const ranked = new Set([...cert.winners, ...cert.alternates].map((e) => e.id));
    const outsider = Object.keys(all).find((id) => !ranked.has(id))!;
    const other = verificationReport(cert, { receipt: all[outsider] });
    expect(keys(other.checked)).toContain("checked.entry_not_selected");
    expectWellWritten(other);
  });

  it("refuses a receipt whose weight was raised, and one for a pseudonym that is not the entrant's", () => {
    const cert = certificate();
    const receipt = receipts()[cert.winners[0]!.id]!;
    const raised = verificationReport(cert, { receipt: { ...receipt, weight: receipt.weight + 1 } });
    expect(raised.verdict).toBe("refused");
    expect(codes(raised.problems)).toContain("not_in_list");
    const pcert = certificate("pseudonymous");
    const mine = Object.values(receipts("pseudonymous"));
    const swapped = verificationReport(pcert, { receipt: { ...mine[0]!, id: mine[1]!.id } });
    expect(swapped.verdict).toBe("refused");
    expect(codes(swapped.problems)).toContain("pseudonym_mismatch");
  });

  it("calls malformed input unreadable, naming which input and the rule", () => {
    const cert = certificate();
    for (const bad of [null, 42, "text", [cert]]) {
      const report = verificationReport(bad, {});
      expect(report.verdict).toBe("unreadable");
      expect(keys(report.problems)).toEqual(["unreadable.not_object"]);
    }
    const corrupt = verificationReport({ ...cert, seed: "not hex" }, {});
    expect(corrupt.verdict).toBe("unreadable");
    expect(corrupt.problems[0]!.code).toBe("corrupt_data");
    expect(corrupt.problems[0]!.text.en).toMatch(/^Malformed certificate: /);
    expect(corrupt.problems[0]!.path).toBe("certificate.seed");
    const badList = verificationReport(cert, { list: [{ id: 7 }] });
    expect(badList.verdict).toBe("unreadable");
    expect(badList.problems[0]!.text.en).toMatch(/^Malformed list: /);
    const badReceipt = verificationReport(cert, { receipt: { hello: 1 } });
    expect(badReceipt.verdict).toBe("unreadable");
    expect(badReceipt.kind).toBe("entry");
    expect(badReceipt.problems[0]!.text.en).toMatch(/^Malformed receipt: /);
    const future = verificationReport({ ...cert, format: "ops-raffle/v9" }, {});
    expect(keys(future.problems)).toEqual(["unreadable.version"]);
    const type = verificationReport({ ...cert, type: "bingo" }, {});
    expect(keys(type.problems)).toEqual(["unreadable.type"]);
    expect(type.problems[0]!.text.en).toContain('"bingo"');
    expectWellWritten(type);
  });

  it("says so when given inputs another kind of certificate is checked with, and verifies nothing (never ignores them)", () => {
    const draw = verificationReport(certificate(), { submissions });
    expect(draw.verdict).toBe("unreadable");
    expect(draw.problems.map((p) => [p.key, p.path])).toEqual([["unreadable.unused", "inputs.submissions"]]);
    expect(draw.problems[0]?.text.en).toBe(
      "A submissions was given, but a draw certificate is not checked with one: nothing was verified (give the inputs of its own kind).",
    );
    expectWellWritten(draw);
    const q = verificationReport(quiz(), { submissions, list: publishedList(), inputs: awardInputs });
    expect(q.verdict).toBe("unreadable");
    expect(q.problems.map((p) => p.path)).toEqual(["inputs.list", "inputs.inputs"]);
    const a = verificationReport(award(), { inputs: awardInputs, receipt: Object.values(receipts())[0] });
    expect(a.problems.map((p) => p.path)).toEqual(["inputs.receipt"]);
    expect(a.problems[0]?.text.zh).toContain("评审奖证书不用它来验证");
    // the inputs of their own kind still verify
    expect(verificationReport(quiz(), { submissions }).verdict).toBe("verified");
    expect(verificationReport(award(), { inputs: awardInputs }).verdict).toBe("verified");
  });

  it("throws an OpsError for misuse of its own parameters", () => {
    const cert = certificate();
    for (const inputs of [null, 3, [], { lists: [] }, { expectedSpecHash: "abc" }, { expectedListRoot: 5 }]) {
      expect(() => verificationReport(cert, inputs as never)).toThrowOpsError("invalid_argument");
    }
  });

  it("does not mutate its inputs", () => {
    const cert = certificate();
    const list = publishedList();
    const before = JSON.stringify([cert, list]);
    verificationReport(cert, { list });
    expect(JSON.stringify([cert, list])).toBe(before);
  });
});

describe("REPORT_MESSAGES", () => {
  it("has an English and a Chinese sentence for every key, the Chinese in Chinese", () => {
    for (const [key, text] of Object.entries(REPORT_MESSAGES)) {
      expect(text.en, key).toMatch(/\S/);
      expect(text.zh, key).toMatch(/[\u4e00-\u9fff]/);
      // the same slots in both languages
      const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(slots(text.zh), key).toEqual(slots(text.en));
    }
  });

  it("has a sentence for every failure code the verifiers can report", () => {
    const failureCodes = [
      // DrawMismatchCode, EntryFailureCode, InclusionFailureCode, BeaconFailureCode (also enforced by the type)
      ...["spec_hash", "expected_spec_hash", "untrusted_chain", "randomness", "seed", "list_root"],
      ...["expected_list_root", "list_privacy", "list_size", "total_weight", "score", "ranking", "tiers"],
      ...["winners", "alternates", "cutoffs", "reroll", "not_in_list", "pseudonym_mismatch", "score_mismatch"],
      ...["omitted", "malformed_proof", "index_out_of_range", "path_length", "root_mismatch", "wrong_chain"],
      ...["malformed_signature", "bad_signature", "bad_randomness"],
    ];
    for (const code of failureCodes) expect(REPORT_MESSAGES, code).toHaveProperty(code);
  });
});
