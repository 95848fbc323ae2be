import { OpsError } from "@ops/core";
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
  const parsed = DrawCertificateSchema.safeParse(certificate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpsError({
      code: "corrupt_data",
      fn,
      path: ["certificate", ...((issue?.path ?? []) as (string | number)[])],
      rule: issue?.message ?? "must be a draw certificate",
      cause: parsed.error,
    });
  }
  return parsed.data;
}
