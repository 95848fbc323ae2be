import { verifyAward, verifyDraw, verifyQuiz } from "@ops/raffle";
import { describe, expect, it } from "vitest";
import { expectAgreement, outcomeOf, tamperCases } from "./agreementHelpers";
import { award, awardInputs, quiz, submissions } from "./contestFixtures";
import { certificate, publishedList } from "./fixtures";
import { publishedList as vectorList, VECTORS } from "./memoryIo";

describe("verificationReport and ops raffle verify agree with verifyDraw", () => {
  it("on every field of a fresh certificate, tampered, with and without the list", () => {
    const cert = certificate() as unknown as Record<string, unknown>;
    const list = publishedList();
    const cases = [{ name: "honest", certificate: cert, list }, ...tamperCases("fresh", cert, list)];
    expect(cases.length).toBeGreaterThan(80);
    let refused = 0;
    for (const c of cases) {
      const expected = outcomeOf(() => verifyDraw(c.certificate as never, c.list as never));
      if ("ok" in expected && !expected.ok) refused++;
      expectAgreement(c.name, c.certificate, c.list === undefined ? {} : { list: c.list }, expected);
    }
    expect(refused).toBeGreaterThan(40);
  });

  it("on every field of each ops-raffle/v1 test vector, tampered (packages/raffle/test/vectors/raffle-v1.json)", () => {
    for (const v of VECTORS) {
      const cert = v.expected.certificate;
      const list = vectorList(v);
      for (const c of [{ name: v.name, certificate: cert, list }, ...tamperCases(v.name, cert, list)]) {
        const expected = outcomeOf(() => verifyDraw(c.certificate as never, c.list as never));
        // the report only (ops raffle verify is held to the same outcomes on the fresh certificate and the corpora)
        expectAgreement(c.name, c.certificate, c.list === undefined ? {} : { list: c.list }, expected, { cli: false });
      }
    }
  }, 120_000);
});

describe("verificationReport and ops raffle verify agree with verifyQuiz and verifyAward", () => {
  it("on every field of a quiz and an award certificate, tampered, with and without the published inputs", () => {
    const contests = [
      { name: "quiz", cert: quiz(), given: submissions, member: "submissions", verify: verifyQuiz },
      { name: "award", cert: award(), given: awardInputs, member: "inputs", verify: verifyAward },
    ] as const;
    let refused = 0;
    for (const { name, cert, given, member, verify } of contests) {
      const cases = [{ name, certificate: cert, list: given }, ...tamperCases(name, cert as never, given)];
      for (const c of cases) {
        const expected = outcomeOf(() => verify(c.certificate as never, c.list as never));
        if ("ok" in expected && !expected.ok) refused++;
        expectAgreement(c.name, c.certificate, c.list === undefined ? {} : { [member]: c.list }, expected);
      }
    }
    expect(refused).toBeGreaterThan(40);
  });
});
