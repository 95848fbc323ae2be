import { isOpsError } from "@ops/core";
import { type CampaignSpecInput, drawWinners, type EntrantInput, verifyBeacon } from "@ops/raffle";
import { EXIT } from "../EXIT";
import type { Io } from "../Io";
import { describeThrown } from "./describeThrown";
import { usageError } from "./usageError";
import { REPORT_MESSAGES } from "../../raffle/reportMessages";
import { parseArgs } from "./parseArgs";
import { readJson } from "./readJson";
import { DRAW_USAGE } from "./usage";

/**
 * `ops raffle draw`: reads the spec, the entrants and the randomness (a drand beacon, verified
 * under the spec's chain before anything is drawn, or the committed secret), draws, and
 * writes the certificate. Exit 0 drawn, 1 the beacon does not verify, 2 usage or unreadable input.
 */
export function raffleDraw(argv: readonly string[], io: Io): number {
  const parsed = parseArgs(argv, {
    spec: "value",
    entrants: "value",
    beacon: "value",
    secret: "value",
    "audit-key": "value",
    out: "value",
    help: "flag",
  });
  if (!parsed.ok) return usageError(io, parsed.message, DRAW_USAGE);
  if (parsed.flags.has("help")) {
    io.stdout(DRAW_USAGE);
    return EXIT.ok;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) return usageError(io, `unexpected argument ${positionals[0]}`, DRAW_USAGE);
  if (values.spec === undefined || values.entrants === undefined)
    return usageError(io, "--spec and --entrants are required", DRAW_USAGE);
  if ((values.beacon === undefined) === (values.secret === undefined))
    return usageError(io, "give either --beacon (drand) or --secret (commit)", DRAW_USAGE);
  const files: Record<string, unknown> = {};
  for (const name of ["spec", "entrants", "beacon"] as const) {
    const path = values[name];
    if (path === undefined) continue;
    const file = readJson(io, path, name === "entrants" ? "what.list" : "what.input");
    if (!file.ok) {
      io.stderr(`ops: --${name} ${path}: ${file.line.detail ?? file.line.text.en}\n`);
      return EXIT.usage;
    }
    files[name] = file.value;
  }
  const spec = files.spec as CampaignSpecInput;
  try {
    let randomness: Parameters<typeof drawWinners>[2];
    if (values.secret !== undefined) randomness = { secret: values.secret };
    else {
      const chain = (spec as { randomness?: { chain?: unknown } } | null)?.randomness?.chain;
      const beacon = verifyBeacon(files.beacon as Parameters<typeof verifyBeacon>[0], chain as never);
      if (!beacon.ok) {
        io.stderr("ops: the beacon does not verify under the spec's drand chain; nothing was drawn.\n");
        for (const f of beacon.error) io.stderr(`  ✗ ${REPORT_MESSAGES[f.code].en}\n      ${f.message}\n`);
        return EXIT.refused;
      }
      randomness = beacon.value;
    }
    const auditKey = values["audit-key"];
    const certificate = drawWinners(
      spec,
      files.entrants as readonly EntrantInput[],
      randomness,
      auditKey === undefined ? {} : { auditKey },
    );
    const text = `${JSON.stringify(certificate, null, 2)}\n`;
    if (values.out === undefined) io.stdout(text);
    else {
      try {
        io.writeFile(values.out, text);
      } catch (error) {
        io.stderr(`ops: cannot write ${values.out}: ${describeThrown(error)}\n`);
        return EXIT.usage;
      }
      io.stderr(
        `ops: drew ${certificate.winners.length} winner(s) and ${certificate.alternates.length} alternate(s) from ${certificate.list.size} entrants; certificate written to ${values.out}\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    if (!isOpsError(error)) throw error;
    io.stderr(`ops: ${error.message}\n`);
    return EXIT.usage;
  }
}
