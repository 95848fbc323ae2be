import { OpsError } from "@ops/core";
import { parseStored } from "../../_lib/parseStored";
import { DrawCertificateSchema, type DrawCertificate } from "../DrawCertificateSchema";
import { RAFFLE_FORMAT } from "../../spec/CampaignSpecSchema";

/** Certificate formats this release reads (docs/raffle-spec.md §9). */
const READ_FORMATS: readonly string[] = [RAFFLE_FORMAT, "ops-raffle/v1"];

/** Validates a certificate's shape and version (shared with verifyEntry). */
export function parseCertificate(certificate: unknown, fn: string): DrawCertificate {
  const c = typeof certificate === "object" && certificate !== null ? (certificate as Record<string, unknown>) : {};
  const format = c.format;
  if (typeof format === "string" && !READ_FORMATS.includes(format) && /^ops-raffle\/v\d+(\.\d+)?$/.test(format)) {
    throw new OpsError({
      code: "unsupported_version",
      fn,
      path: ["certificate", "format"],
      rule: `must be a format this release reads (${READ_FORMATS.join(", ")})`,
      received: format,
    });
  }
  if (c.type === "quiz" || c.type === "award")
    throw new OpsError({
      code: "invalid_argument",
      fn,
      path: ["certificate", "type"],
      rule: `must be a draw certificate ("type": "draw"); this is a ${c.type} certificate`,
      received: c.type,
    });
  return parseStored(DrawCertificateSchema, certificate, fn);
}
