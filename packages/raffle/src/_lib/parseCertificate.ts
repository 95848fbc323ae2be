import { isOpsError, OpsError, parseOrThrow } from "@ops/core";
import { DrawCertificateSchema, type DrawCertificate } from "../draw/DrawCertificateSchema";
import { RAFFLE_FORMAT } from "../spec/CampaignSpecSchema";

/** Validates a certificate's shape and version (shared with verifyEntry). */
export function parseCertificate(certificate: unknown, fn: string): DrawCertificate {
  const format = (certificate as { format?: unknown } | null)?.format;
  if (typeof format === "string" && format !== RAFFLE_FORMAT && /^ops-raffle\/v\d+$/.test(format)) {
    throw new OpsError({
      code: "unsupported_version",
      fn,
      path: ["certificate", "format"],
      rule: `must be a format this release reads (${RAFFLE_FORMAT})`,
      received: format,
    });
  }
  try {
    return parseOrThrow(DrawCertificateSchema, certificate, { fn, path: ["certificate"] });
  } catch (error) {
    // The same field, rule and value, under the code of a serialised value that fails its checks.
    if (!isOpsError(error, "invalid_argument")) throw error;
    throw new OpsError({
      code: "corrupt_data",
      fn,
      path: error.path,
      rule: error.rule,
      received: error.received,
      cause: error.cause,
    });
  }
}
