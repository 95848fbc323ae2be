import { QUICKNET, specHash, verifyDraw } from "@ops/raffle";
import { describe, expect, it } from "vitest";
import { EXIT, run, type VerificationReport } from "../src/index";
import { AUDIT_KEY, certificate, entrants, publishedList, receipts, SECRET, spec } from "./fixtures";
import { memoryIo } from "./memoryIo";

const json = (value: unknown) => JSON.stringify(value);

/** The files of an honest draw, a forged one and a few broken ones. */
function files(): Record<string, string> {
  const cert = certificate();
  const loser = publishedList().find((e) => ![...cert.winners, ...cert.alternates].some((w) => w.id === e.id))!;
  const winnerReceipt = receipts()[cert.winners[0]!.id]!;
  return {
    "cert.json": json(cert),
    "forged.json": json({ ...cert, winners: [{ ...cert.winners[0]!, id: loser.id }, ...cert.winners.slice(1)] }),
    "list.json": json(publishedList()),
    "receipt.json": json(winnerReceipt),
    "raised-receipt.json": json({ ...winnerReceipt, weight: winnerReceipt.weight + 1 }),
    "broken.json": "{ not json",
    "corrupt.json": json({ ...certificate(), seed: 7 }),
    "spec.json": json(spec()),
    "pseudo-spec.json": json(spec("pseudonymous")),
    "entrants.json": json(entrants()),
  };
}

describe("run: ops raffle verify", () => {
  it("exits 0 for an honest certificate and prints what was and was not checked", () => {
    const m = memoryIo(files());
    expect(run(["raffle", "verify", "cert.json"], m.io)).toBe(EXIT.ok);
    const out = m.stdout();
    expect(out.split("\n")[0]).toBe("VERIFIED — lucky draw “mug-draw”");
    expect(out).toContain("Checked:\n  ✓ The campaign rules in the certificate match its spec hash");
    expect(out).toContain("Not checked:\n  ? Without the published list: that nobody with a better score was left out");
    expect(out).not.toContain("Problems:");
    expect(m.stderr()).toBe("");
  });

  it("checks the whole list with --list and the published hashes with --spec-hash and --list-root", () => {
    const cert = certificate();
    const m = memoryIo(files());
    const code = run(
      [
        "raffle",
        "verify",
        "cert.json",
        "--list",
        "list.json",
        "--spec-hash",
        cert.specHash,
        `--list-root=${cert.list.root}`,
      ],
      m.io,
    );
    expect(code).toBe(EXIT.ok);
    expect(m.stdout()).toContain("nobody with a better score was left out.");
    expect(m.stdout()).not.toContain("Without the published list");
    expect(m.stdout()).toContain(
      `The rules are the ones published before entries closed (spec hash ${cert.specHash}).`,
    );
  });

  it("exits 1 for a forged certificate and names each problem, in Chinese with --lang zh", () => {
    const m = memoryIo(files());
    expect(run(["raffle", "verify", "forged.json", "--list", "list.json", "--lang", "zh"], m.io)).toBe(EXIT.refused);
    const out = m.stdout();
    expect(out.split("\n")[0]).toBe("验证未通过：此证书不成立 — 抽奖 “mug-draw”");
    expect(out).toContain("问题：\n  ✗ ");
    expect(out).toContain("  ✗ 用名单重新抽奖得到的中奖者不同：应该中奖的人被遗漏或替换了。\n      winners: ");
    expect(out).toContain("已检查：\n  • ");
  });

  it("exits 1 when the spec hash is not the published one", () => {
    const m = memoryIo(files());
    expect(run(["raffle", "verify", "cert.json", "--spec-hash", "ab".repeat(32)], m.io)).toBe(EXIT.refused);
    expect(m.stdout()).toContain("the spec hash differs from the published one");
  });

  it("prints the report as JSON with --json, in both languages", () => {
    const m = memoryIo(files());
    expect(run(["raffle", "verify", "forged.json", "--json"], m.io)).toBe(EXIT.refused);
    const report = JSON.parse(m.stdout()) as VerificationReport;
    expect(Object.keys(report)).toEqual(["kind", "verdict", "title", "checked", "notChecked", "problems"]);
    expect(report.kind).toBe("draw");
    expect(report.verdict).toBe("refused");
    const expected = verifyDraw(JSON.parse(files()["forged.json"]!));
    expect(report.problems.map((p) => p.code)).toEqual(expected.ok ? [] : expected.error.map((f) => f.code));
    for (const line of report.problems) expect(Object.keys(line.text)).toEqual(["en", "zh"]);
  });

  it("exits 2 for a missing file, a file that is not JSON, and a malformed certificate — JSON too", () => {
    for (const [file, key] of [
      ["missing.json", "unreadable.file"],
      ["broken.json", "unreadable.json"],
      ["corrupt.json", "unreadable.input"],
    ] as const) {
      const m = memoryIo(files());
      expect(run(["raffle", "verify", file, "--json"], m.io), file).toBe(EXIT.usage);
      const report = JSON.parse(m.stdout()) as VerificationReport;
      expect(report.verdict).toBe("unreadable");
      expect(report.problems.map((p) => p.key)).toEqual([key]);
    }
    const m = memoryIo(files());
    expect(run(["raffle", "verify", "cert.json", "--list", "missing.json"], m.io)).toBe(EXIT.usage);
    expect(m.stdout()).toContain("The list file missing.json could not be read.");
    expect(m.stdout()).toContain("ENOENT");
  });

  it("treats a readFile that returns no text as an unreadable file", () => {
    const m = memoryIo(files(), { readFile: () => undefined as unknown as string });
    expect(run(["raffle", "verify", "cert.json"], m.io)).toBe(EXIT.usage);
    expect(m.stdout()).toContain("could not be read");
  });

  it("exits 2 with the usage for bad arguments", () => {
    for (const argv of [
      ["raffle", "verify"],
      ["raffle", "verify", "a.json", "b.json"],
      ["raffle", "verify", "cert.json", "--lang", "fr"],
      ["raffle", "verify", "cert.json", "--spec-hash", "xyz"],
      ["raffle", "verify", "cert.json", "--list"],
      ["raffle", "verify", "cert.json", "--nope"],
      ["raffle", "verify", "cert.json", "--json", "--json"],
      ["raffle", "verify", "cert.json", "--json=yes"],
      ["raffle", "verify", "cert.json", "-x"],
    ]) {
      const m = memoryIo(files());
      expect(run(argv, m.io), argv.join(" ")).toBe(EXIT.usage);
      expect(m.stderr()).toMatch(/^ops: .+\n\nUsage: ops raffle verify/);
      expect(m.stdout()).toBe("");
    }
  });
});

describe("run: ops raffle check-entry", () => {
  it("exits 0 and tells a winner where they stand, from their receipt", () => {
    const cert = certificate();
    const m = memoryIo(files());
    expect(run(["raffle", "check-entry", "cert.json", "--receipt", "receipt.json"], m.io)).toBe(EXIT.ok);
    expect(m.stdout()).toContain(`You won: prize tier ${cert.winners[0]!.tier}, rank ${cert.winners[0]!.rank}.`);
    expect(m.stdout().split("\n")[0]).toBe("VERIFIED — your entry in the lucky draw “mug-draw”");
  });

  it("exits 1 for a receipt whose weight was changed, 2 without --receipt", () => {
    const m = memoryIo(files());
    expect(run(["raffle", "check-entry", "cert.json", "--receipt", "raised-receipt.json", "--json"], m.io)).toBe(
      EXIT.refused,
    );
    const report = JSON.parse(m.stdout()) as VerificationReport;
    expect(report.kind).toBe("entry");
    expect(report.problems.map((p) => p.code)).toContain("not_in_list");
    const n = memoryIo(files());
    expect(run(["raffle", "check-entry", "cert.json"], n.io)).toBe(EXIT.usage);
    expect(n.stderr()).toContain("--receipt is required");
    expect(run(["raffle", "check-entry", "cert.json", "--receipt", "r", "--list", "list.json"], n.io)).toBe(EXIT.usage);
  });
});

describe("run: ops raffle draw", () => {
  it("draws from spec, entrants and the committed secret, and the certificate verifies", () => {
    const m = memoryIo(files());
    expect(
      run(["raffle", "draw", "--spec", "spec.json", "--entrants", "entrants.json", "--secret", SECRET], m.io),
    ).toBe(EXIT.ok);
    const cert = JSON.parse(m.stdout());
    expect(cert).toEqual(JSON.parse(json(certificate())));
    expect(verifyDraw(cert, publishedList()).ok).toBe(true);
  });

  it("writes the certificate to --out, and draws pseudonymous lists with --audit-key", () => {
    const m = memoryIo(files());
    const argv = ["raffle", "draw", "--spec", "pseudo-spec.json", "--entrants", "entrants.json", "--secret", SECRET];
    expect(run([...argv, "--audit-key", AUDIT_KEY, "--out", "out.json"], m.io)).toBe(EXIT.ok);
    expect(JSON.parse(m.written["out.json"]!)).toEqual(JSON.parse(json(certificate("pseudonymous"))));
    expect(m.stdout()).toBe("");
    expect(m.stderr()).toMatch(
      /drew 3 winner\(s\) and 2 alternate\(s\) from 10 entrants; certificate written to out\.json/,
    );
    const n = memoryIo(files());
    expect(run(argv, n.io)).toBe(EXIT.usage);
    expect(n.stderr()).toContain("auditKey");
  });

  it("verifies a drand beacon under the spec's chain before drawing: exit 1 for a forged one", () => {
    // quicknet round 1000 (https://api.drand.sh/52db9ba7…/public/1000), as in @ops/raffle's vectors
    const beacon = {
      round: 1000,
      randomness: "fe290beca10872ef2fb164d2aa4442de4566183ec51c56ff3cd603d930e54fdd",
      signature: "b44679b9a59af2ec876b1a6b1ad52ea9b1615fc3982b19576350f93447cb1125e342b73a8dd2bacbe47e4b6b63ed5e39",
    };
    const drandSpec = {
      ...spec(),
      closeAt: 1692806304000,
      randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
    };
    const all = {
      ...files(),
      "drand-spec.json": json(drandSpec),
      "beacon.json": json(beacon),
      "forged-beacon.json": json({ ...beacon, round: 1001 }),
    };
    const argv = ["raffle", "draw", "--spec", "drand-spec.json", "--entrants", "entrants.json", "--beacon"];
    const m = memoryIo(all);
    expect(run([...argv, "beacon.json"], m.io)).toBe(EXIT.ok);
    const cert = JSON.parse(m.stdout());
    expect(cert.specHash).toBe(specHash(drandSpec as never));
    expect(cert.randomness).toMatchObject({ kind: "drand", round: 1000 });
    expect(verifyDraw(cert).ok).toBe(true);
    const f = memoryIo(all);
    expect(run([...argv, "forged-beacon.json"], f.io)).toBe(EXIT.refused);
    expect(f.stderr()).toContain("the beacon does not verify");
    expect(f.stderr()).toContain("not valid for its round");
    expect(f.stdout()).toBe("");
  });

  it("exits 2 for missing options, both randomness sources, a secret that does not open the commitment, bad files", () => {
    const base = ["raffle", "draw", "--spec", "spec.json", "--entrants", "entrants.json"];
    for (const [argv, message] of [
      [["raffle", "draw", "--spec", "spec.json"], "--spec and --entrants are required"],
      [base, "give either --beacon (drand) or --secret (commit)"],
      [[...base, "--secret", SECRET, "--beacon", "b.json"], "give either --beacon"],
      [[...base, "--secret", "ab".repeat(32)], "commitment"],
      [
        ["raffle", "draw", "--spec", "broken.json", "--entrants", "entrants.json", "--secret", SECRET],
        "--spec broken.json",
      ],
      [["raffle", "draw", "--spec", "spec.json", "--entrants", "nope.json", "--secret", SECRET], "ENOENT"],
      [[...base, "--secret", SECRET, "extra"], "unexpected argument extra"],
    ] as const) {
      const m = memoryIo(files());
      expect(run(argv, m.io), argv.join(" ")).toBe(EXIT.usage);
      expect(m.stderr(), argv.join(" ")).toContain(message);
    }
  });

  it("exits 2 when the certificate cannot be written", () => {
    const m = memoryIo(files(), {
      writeFile: () => {
        throw new Error("EACCES: permission denied");
      },
    });
    const argv = ["raffle", "draw", "--spec", "spec.json", "--entrants", "entrants.json", "--secret", SECRET];
    expect(run([...argv, "--out", "/x.json"], m.io)).toBe(EXIT.usage);
    expect(m.stderr()).toContain("cannot write /x.json: EACCES");
  });
});

describe("run: help, version, page", () => {
  it("prints help with --help (exit 0) and usage for no or unknown commands (exit 2)", () => {
    const m = memoryIo();
    expect(run(["--help"], m.io)).toBe(EXIT.ok);
    expect(m.stdout()).toMatch(/^Usage: ops <command>/);
    for (const argv of [
      ["raffle", "--help"],
      ["raffle", "draw", "--help"],
      ["raffle", "verify", "--help"],
      ["raffle", "check-entry", "--help"],
    ]) {
      const h = memoryIo();
      expect(run(argv, h.io)).toBe(EXIT.ok);
      expect(h.stdout()).toMatch(/^Usage: ops raffle/);
    }
    for (const argv of [[], ["frobnicate"], ["raffle"], ["raffle", "spin"]]) {
      const u = memoryIo();
      expect(run(argv, u.io), argv.join(" ")).toBe(EXIT.usage);
      expect(u.stderr()).toContain("Usage: ops");
      expect(u.stdout()).toBe("");
    }
  });

  it("prints the version", () => {
    const m = memoryIo({}, { version: "0.3.1" });
    expect(run(["--version"], m.io)).toBe(EXIT.ok);
    expect(m.stdout()).toBe("0.3.1\n");
  });

  it("prints the verification page from the built file, exit 2 when there is none", () => {
    const m = memoryIo(
      { "dist/verify.html": "<!doctype html><title>verify</title>" },
      { pageFile: "dist/verify.html" },
    );
    expect(run(["raffle", "page"], m.io)).toBe(EXIT.ok);
    expect(m.stdout()).toBe("<!doctype html><title>verify</title>");
    const none = memoryIo();
    expect(run(["raffle", "page"], none.io)).toBe(EXIT.usage);
    expect(none.stderr()).toContain("no verification page");
    const missing = memoryIo({}, { pageFile: "dist/verify.html" });
    expect(run(["raffle", "page"], missing.io)).toBe(EXIT.usage);
    expect(missing.stderr()).toContain("cannot read the verification page dist/verify.html: ENOENT");
    expect(run(["raffle", "page", "extra"], missing.io)).toBe(EXIT.usage);
  });

  it("throws an OpsError for an argv or io that breaks the contract, before any I/O", () => {
    const m = memoryIo();
    for (const argv of [undefined, "raffle", [1], [null]])
      expect(() => run(argv as never, m.io)).toThrowOpsError("invalid_argument");
    for (const io of [undefined, null, {}, { ...m.io, stdout: "x" }])
      expect(() => run(["--help"], io as never)).toThrowOpsError("invalid_argument");
  });
});
