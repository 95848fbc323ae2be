// The cases of tampers-v1.1.json, computed from the implementation: generate-tampers.ts
// writes them, test/tampers.test.ts recomputes and compares (so the file cannot go stale).
import { readFileSync } from "node:fs";
import {
  type CampaignSpecInput,
  commitSeed,
  compileEntrants,
  type DrawCertificate,
  drawWinners,
  isOpsError,
  QUICKNET,
  rerollWinner,
  specHash,
  verifyBeacon,
  verifyDraw,
  type VerifyDrawOptions,
} from "./imports";
import { ownKeyForgery, reseal } from "./forge";

export interface TamperCase {
  readonly name: string;
  /** The honest certificate this case starts from. */
  readonly base: string;
  /** The certificate field changed (JSON path), when the case is a tamper of one field. */
  readonly tampered?: string;
  readonly certificate: unknown;
  readonly list: { id: string; weight: number }[] | null;
  readonly options: { expectedSpecHash?: string; expectedListRoot?: string } | null;
  readonly ok: boolean;
  readonly codes: string[];
  /** The OpsError code verifyDraw throws (the certificate is not well-formed). */
  readonly throws?: string;
}

const fixture = JSON.parse(readFileSync(new URL("../fixtures/drand-quicknet.json", import.meta.url), "utf8")) as {
  rounds: { round: number; signature: string; randomness: string }[];
};
const beacon = (round: number) => {
  const json = fixture.rounds.find((r) => r.round === round);
  if (!json) throw new Error(`no fixture round ${round}`);
  const checked = verifyBeacon(json, QUICKNET);
  if (!checked.ok) throw new Error("fixture round does not verify");
  return checked.value;
};
/** closeAt one minute before quicknet round `round` is published (delay 60 s fixes that round). */
const closeBefore = (round: number) => (1692803367 + (round - 1) * 3) * 1000 - 60_000;

const SECRET = "c0ffee".padEnd(64, "0");
const AUDIT_KEY = "a5".repeat(32);

const spec = (over: Partial<CampaignSpecInput>): CampaignSpecInput => ({
  format: "ops-raffle/v1.1",
  campaignId: "tamper-corpus",
  title: "抽奖 😀",
  tiers: [
    { name: "gold", count: 1 },
    { name: "silver", count: 2 },
  ],
  alternates: 3,
  eligibility: { ruleVersion: "1", rules: { mustFollow: true } },
  weights: { max: 5, rule: "1 + friends tagged, at most 5" },
  closeAt: closeBefore(1000),
  randomness: { kind: "drand", chain: QUICKNET, delaySeconds: 60 },
  privacy: "public",
  ...over,
});

const entrants = [
  { id: "weibo::1669879400", weight: 1 },
  { id: "weibo::2", weight: 3 },
  { id: "wechat_oa:gh_3a8f:oX1y2", weight: 1 },
  { id: "douyin:app7:老王", weight: 2 },
  { id: "douyin:app7:Ａlice", weight: 1 },
  { id: "douyin:app7:😀fan", weight: 5 },
  { id: "qq::10001", weight: 4 },
  { id: "qq::9", weight: 1 },
  { id: "bilibili::小明", weight: 2 },
  { id: "x::44196397", weight: 1 },
];

/** The published list of a draw: list ids (pseudonyms in pseudonymous mode) with weights. */
function published(privacy: "public" | "pseudonymous"): { id: string; weight: number }[] {
  const list = compileEntrants(entrants, privacy === "public" ? {} : { privacy, auditKey: AUDIT_KEY });
  return list.ids.map((id, i) => ({ id, weight: list.weights[i] as number }));
}

interface Base {
  readonly name: string;
  readonly certificate: DrawCertificate;
  readonly list: { id: string; weight: number }[];
  /** Tamper every field of this one. */
  readonly tamper: boolean;
}

function bases(): Base[] {
  const drandPublic = drawWinners(spec({}), entrants, beacon(1000));
  const r1 = rerollWinner(drandPublic, drandPublic.winners[1]!.id, "did not reply within 7 days");
  // chained: the alternate who came in is rerolled too
  const r2 = rerollWinner(r1, r1.winners[1]!.id, "found ineligible (a second account)");
  const pseudo = spec({
    campaignId: "tamper-corpus-pseudonymous",
    randomness: { kind: "commit", commitment: commitSeed(SECRET) },
    privacy: "pseudonymous",
  });
  const commitPseudo = drawWinners(pseudo, entrants, { secret: SECRET }, { auditKey: AUDIT_KEY });
  const p1 = rerollWinner(commitPseudo, commitPseudo.winners[0]!.id, "declined the prize");
  const p2 = rerollWinner(p1, p1.winners[2]!.id, "unreachable");
  const drandPseudo = drawWinners(
    spec({ campaignId: "tamper-corpus-drand-pseudonymous", closeAt: closeBefore(4810223), privacy: "pseudonymous" }),
    entrants,
    beacon(4810223),
    { auditKey: AUDIT_KEY },
  );
  const commitPublic = drawWinners(
    spec({ campaignId: "tamper-corpus-commit", randomness: { kind: "commit", commitment: commitSeed(SECRET) } }),
    entrants,
    { secret: SECRET },
  );
  const v1 = JSON.parse(readFileSync(new URL("./raffle-v1.json", import.meta.url), "utf8")) as {
    cases: {
      name: string;
      input: { entrants: { id: string; weight: number }[] };
      expected: { certificate: DrawCertificate };
    }[];
  };
  const v1Case = v1.cases.find((c) => c.name === "drand-public")!;
  return [
    { name: "drand-public-rerolls", certificate: r2, list: published("public"), tamper: true },
    { name: "commit-pseudonymous-rerolls", certificate: p2, list: published("pseudonymous"), tamper: true },
    { name: "drand-pseudonymous", certificate: drandPseudo, list: published("pseudonymous"), tamper: false },
    { name: "commit-public", certificate: commitPublic, list: published("public"), tamper: false },
    { name: "v1-drand-public", certificate: v1Case.expected.certificate, list: v1Case.input.entrants, tamper: false },
  ];
}

/** Runs verifyDraw and records what it gives. */
function run(
  name: string,
  base: string,
  certificate: unknown,
  list: { id: string; weight: number }[] | null,
  options: VerifyDrawOptions | null,
  tampered?: string,
): TamperCase {
  const head = {
    name,
    base,
    ...(tampered === undefined ? {} : { tampered }),
    certificate,
    list,
    options: options as TamperCase["options"],
  };
  try {
    const r = verifyDraw(certificate as DrawCertificate, list, options ?? {});
    return { ...head, ok: r.ok, codes: r.ok ? [] : [...new Set(r.error.map((f) => f.code))].sort() };
  } catch (e) {
    if (!isOpsError(e)) throw e;
    return { ...head, ok: false, codes: [], throws: e.code };
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every leaf path of a JSON value: `winners[0].score`. */
export function leafPaths(value: Json, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, `${prefix}[${i}]`));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix === "" ? k : `${prefix}.${k}`));
  return [prefix];
}

function containers(value: Json, prefix = ""): { path: string; value: Json[] | { [k: string]: Json } }[] {
  if (Array.isArray(value))
    return [{ path: prefix, value }, ...value.flatMap((v, i) => containers(v, `${prefix}[${i}]`))];
  if (value !== null && typeof value === "object")
    return [
      { path: prefix, value },
      ...Object.entries(value).flatMap(([k, v]) => containers(v, prefix === "" ? k : `${prefix}.${k}`)),
    ];
  return [];
}

/** A copy of `root` with the value at `path` replaced by `edit(old)` (edit returns undefined to delete). */
function edited(root: Json, path: string, edit: (old: Json) => Json | undefined): Json {
  const copy = structuredClone(root);
  const keys = path === "" ? [] : path.match(/[^.[\]]+/g)!.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
  if (keys.length === 0) return edit(copy) as Json;
  let at = copy as Record<string | number, Json>;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  const last = keys[keys.length - 1]!;
  const next = edit(at[last] as Json);
  if (next === undefined) {
    if (Array.isArray(at)) at.splice(last as number, 1);
    else delete at[last];
  } else at[last] = next;
  return copy;
}

/** The tampered value of a leaf: a hex digit flipped, text changed, number + 1, boolean negated, null → a hash. */
function tamperLeaf(v: Json): Json {
  if (typeof v === "string") {
    if (/^[0-9a-f]+$/.test(v) && v.length % 2 === 0) {
      const last = Number.parseInt(v.slice(-1), 16) ^ 1;
      return v.slice(0, -1) + last.toString(16);
    }
    if (v === "ops-raffle/v1.1") return "ops-raffle/v1";
    if (v === "draw") return "drawing";
    if (v === "public") return "pseudonymous";
    if (v === "pseudonymous") return "public";
    if (v === "drand") return "commit";
    if (v === "commit") return "drand";
    if (v === "pinned") return "caller";
    return `${v}x`;
  }
  if (typeof v === "number") return v + 1;
  if (typeof v === "boolean") return !v;
  if (v === null) return "00".repeat(32);
  throw new Error("not a leaf");
}

function tampers(base: Base): TamperCase[] {
  const cert = base.certificate as unknown as Json;
  const out: TamperCase[] = [];
  const both = (label: string, tampered: string, c: Json) => {
    out.push(run(`${base.name}/${label}/without-list`, base.name, c, null, null, tampered));
    out.push(run(`${base.name}/${label}/with-list`, base.name, c, base.list, null, tampered));
  };
  for (const path of leafPaths(cert)) both(`tamper:${path}`, path, edited(cert, path, tamperLeaf));
  for (const { path, value } of containers(cert)) {
    if (Array.isArray(value)) {
      if (value.length >= 2)
        both(
          `swap:${path}[0,1]`,
          path,
          edited(cert, path, (a) => {
            const x = [...(a as Json[])];
            [x[0], x[1]] = [x[1]!, x[0]!];
            return x;
          }),
        );
      if (value.length >= 1)
        both(
          `drop:${path}[last]`,
          path,
          edited(cert, `${path}[${value.length - 1}]`, () => undefined),
        );
    } else {
      both(
        `add:${path === "" ? "" : `${path}.`}extra`,
        path,
        edited(cert, path, (o) => ({ ...(o as object), extra: true })),
      );
      if (path.split(".").length <= 2 && !path.includes("["))
        for (const key of Object.keys(value))
          both(
            `remove:${path === "" ? "" : `${path}.`}${key}`,
            path === "" ? key : `${path}.${key}`,
            edited(cert, path === "" ? key : `${path}.${key}`, () => undefined),
          );
    }
  }
  return out;
}

function forgeries(all: Base[]): TamperCase[] {
  const drand = all.find((b) => b.name === "drand-public-rerolls")!;
  const commit = all.find((b) => b.name === "commit-pseudonymous-rerolls")!;
  const out: TamperCase[] = [];
  const fresh = drawWinners(spec({}), entrants, beacon(1000));
  // 1. the organiser's own key under quicknet's chain hash (refused: the spec breaks the pin)
  const ownKey = ownKeyForgery(fresh, entrants);
  out.push(run("forgery-1-quicknet-hash-organiser-key/without-list", "forgery", ownKey, null, null));
  out.push(run("forgery-1-quicknet-hash-organiser-key/with-list", "forgery", ownKey, drand.list, null));
  // 1b. an unknown chain with the organiser's key (refused unless the verifier trusts it)
  const unknown = ownKeyForgery(fresh, entrants, "0d".repeat(32));
  const unknownCert = { ...unknown, randomness: { ...unknown.randomness, chainTrust: "caller" } };
  out.push(run("forgery-1-unknown-chain/without-list", "forgery", unknownCert, null, null));
  out.push(run("forgery-1-unknown-chain/with-list", "forgery", unknownCert, drand.list, null));
  // 2a. alternates reordered, ranks unchanged
  const c = commit.certificate;
  const fresh2 = drawWinners(
    spec({ campaignId: "forgery-2", randomness: { kind: "commit", commitment: commitSeed(SECRET) } }),
    entrants,
    { secret: SECRET },
  );
  const reordered = {
    ...fresh2,
    alternates: [fresh2.alternates[1]!, fresh2.alternates[0]!, ...fresh2.alternates.slice(2)],
  };
  out.push(run("forgery-2-alternates-reordered/without-list", "forgery", reordered, null, null));
  // 2b. a reroll that skips the first unused alternate
  const seat = fresh2.winners[1]!;
  const skipped = fresh2.alternates[1]!;
  const skip = {
    ...fresh2,
    winners: fresh2.winners.map((w, i) => (i === 1 ? { ...skipped, tier: seat.tier, tierIndex: seat.tierIndex } : w)),
    alternates: fresh2.alternates.filter((_, i) => i !== 1),
    rerolls: [
      {
        out: { rank: seat.rank, id: seat.id, weight: seat.weight, score: seat.score },
        in: skipped.id,
        reason: "declined",
      },
    ],
  };
  out.push(run("forgery-2-reroll-skips-first-alternate/without-list", "forgery", skip, null, null));
  // 2c. reroll records swapped
  const swapped = { ...c, rerolls: [c.rerolls[1]!, c.rerolls[0]!] };
  out.push(run("forgery-2-rerolls-swapped/without-list", "forgery", swapped, null, null));
  // 3a. a redraw under another spec: consistent, so it verifies without the published spec hash
  const other = reseal({ ...fresh2, spec: { ...fresh2.spec, title: "redrawn" } }, entrants);
  out.push(run("forgery-3-redraw-other-spec/without-options", "forgery", other, null, null));
  out.push(
    run("forgery-3-redraw-other-spec/expected-spec-hash", "forgery", other, null, {
      expectedSpecHash: fresh2.specHash,
    }),
  );
  // 3b. a redraw over another list
  const otherList = entrants.filter((e) => e.id !== fresh2.winners[0]!.id);
  const redrawn = reseal(fresh2, otherList);
  out.push(run("forgery-3-redraw-other-list/without-options", "forgery", redrawn, null, null));
  out.push(
    run("forgery-3-redraw-other-list/expected-list-root", "forgery", redrawn, null, {
      expectedListRoot: fresh2.list.root,
    }),
  );
  return out;
}

/** Every case of the corpus. */
export function tamperCases(): TamperCase[] {
  const all = bases();
  const honest = all.flatMap((b) => [
    run(`${b.name}/honest/without-list`, b.name, b.certificate, null, null),
    run(`${b.name}/honest/with-list`, b.name, b.certificate, b.list, null),
    run(`${b.name}/honest/with-list-and-published-hashes`, b.name, b.certificate, b.list, {
      expectedSpecHash: specHash(b.certificate.spec),
      expectedListRoot: b.certificate.list.root,
    }),
    run(`${b.name}/honest/wrong-published-hashes`, b.name, b.certificate, null, {
      expectedSpecHash: "00".repeat(32),
      expectedListRoot: "00".repeat(32),
    }),
  ]);
  return [...honest, ...forgeries(all), ...all.filter((b) => b.tamper).flatMap(tampers)];
}
