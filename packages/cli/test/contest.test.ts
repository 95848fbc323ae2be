import { verifyAward, verifyQuiz } from "@ops/raffle";
import { describe, expect, it } from "vitest";
import { EXIT, run, type VerificationReport, verificationReport } from "../src/index";
import { award, awardInputs, quiz, submissions } from "./contestFixtures";
import { memoryIo } from "./memoryIo";

const codesOf = (r: { ok: boolean; error?: readonly { code: string }[] }) =>
  r.ok ? [] : (r.error ?? []).map((f) => f.code);

describe("verificationReport on quiz certificates", () => {
  it("verifies an honest quiz, and says what needs the submissions", () => {
    const report = verificationReport(quiz(), {});
    expect(report.kind).toBe("quiz");
    expect(report.verdict).toBe("verified");
    expect(report.title.en).toBe("VERIFIED — quiz “riddles”");
    expect(report.checked.map((l) => l.key)).toContain("checked.quiz_places");
    expect(report.notChecked.map((l) => l.key)).toEqual([
      "not_checked.quiz_submissions",
      "not_checked.spec_published",
      "not_checked.list_root_published",
      "not_checked.commit_trust",
      "not_checked.quiz_received",
    ]);
    expect(report.notChecked[0]!.text.en).toContain("nobody who did better was left out (4 submissions)");
    const full = verificationReport(quiz(), { submissions });
    expect(full.verdict).toBe("verified");
    expect(full.checked.map((l) => l.key)).toContain("checked.quiz_rerun");
  });

  it("refuses a forged quiz with verifyQuiz's codes, each with its own sentence", () => {
    const cert = quiz();
    const forged = { ...cert, places: [{ ...cert.places[0]!, correct: 0 }, ...cert.places.slice(1)] };
    const report = verificationReport(forged, { submissions });
    expect(report.verdict).toBe("refused");
    expect(report.problems.map((p) => p.code)).toEqual(codesOf(verifyQuiz(forged, submissions)));
    const correct = report.problems.find((p) => p.code === "correct")!;
    expect(correct.key).toBe("quiz.correct");
    expect(correct.text.zh).toBe("某个名次的答对题数与其答案和标准答案算出的不一致。");
  });

  it("reads a quiz certificate with bad submissions as unreadable", () => {
    const report = verificationReport(quiz(), { submissions: [{ id: 5 }] });
    expect(report.verdict).toBe("unreadable");
    expect(report.kind).toBe("quiz");
    expect(report.problems[0]!.text.en).toMatch(/^Malformed submissions: /);
  });
});

describe("verificationReport on award certificates", () => {
  it("verifies an honest award, with and without the inputs", () => {
    const bare = verificationReport(award(), {});
    expect(bare.verdict).toBe("verified");
    expect(bare.kind).toBe("award");
    expect(bare.notChecked.map((l) => l.key)).toContain("not_checked.award_inputs");
    expect(bare.notChecked.map((l) => l.key)).toContain("not_checked.award_judging");
    const full = verificationReport(award(), { inputs: awardInputs });
    expect(full.verdict).toBe("verified");
    expect(full.checked.map((l) => l.key)).toContain("checked.award_rerun");
    expect(full.checked.find((l) => l.key === "checked.award_rerun")!.text.en).toContain("all 3 entries");
  });

  it("refuses a forged total with verifyAward's codes", () => {
    const cert = award();
    const forged = {
      ...cert,
      places: [{ ...cert.places[0]!, total: cert.places[0]!.total + 1 }, ...cert.places.slice(1)],
    };
    const report = verificationReport(forged, { inputs: awardInputs });
    expect(report.verdict).toBe("refused");
    expect(report.problems.map((p) => p.code)).toEqual(codesOf(verifyAward(forged, awardInputs)));
    expect(report.problems.map((p) => p.key)).toContain("award.total");
  });
});

describe("ops raffle verify on contests", () => {
  it("exits 0 / 1 / 2 for honest, forged and malformed quiz and award certificates", () => {
    const q = quiz();
    const a = award();
    const files = {
      "quiz.json": JSON.stringify(q),
      "quiz-forged.json": JSON.stringify({ ...q, seed: "00".repeat(32) }),
      "subs.json": JSON.stringify(submissions),
      "award.json": JSON.stringify(a),
      "award-forged.json": JSON.stringify({ ...a, places: [...a.places].reverse() }),
      "inputs.json": JSON.stringify(awardInputs),
      "award-corrupt.json": JSON.stringify({ ...a, places: "none" }),
    };
    const cases = [
      [["quiz.json", "--submissions", "subs.json"], EXIT.ok],
      [["quiz-forged.json"], EXIT.refused],
      [["award.json", "--inputs", "inputs.json", "--lang", "zh"], EXIT.ok],
      [["award-forged.json", "--inputs", "inputs.json"], EXIT.refused],
      [["award-corrupt.json"], EXIT.usage],
    ] as const;
    for (const [args, exit] of cases) {
      const m = memoryIo(files);
      expect(run(["raffle", "verify", ...args], m.io), args.join(" ")).toBe(exit);
    }
    const m = memoryIo(files);
    run(["raffle", "verify", "award.json", "--inputs", "inputs.json", "--lang", "zh"], m.io);
    expect(m.stdout().split("\n")[0]).toBe("验证通过 — 评审奖 “trip-story”");
    const j = memoryIo(files);
    run(["raffle", "verify", "quiz-forged.json", "--json"], j.io);
    const report = JSON.parse(j.stdout()) as VerificationReport;
    expect(report.problems.map((p) => p.code)).toEqual(codesOf(verifyQuiz({ ...q, seed: "00".repeat(32) })));
  });
});
