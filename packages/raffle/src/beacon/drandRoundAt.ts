import { OpsError, parseOrThrow, type Instant } from "@ops/core";
import { roundAt } from "../_lib/roundAt";
import { DrandChainSchema, type DrandChain } from "./quicknet";

/**
 * The first drand round published at or after `instant`. Round r is published at
 * `genesisTime + (r − 1) × period` seconds (drand specification, "Beacon round"), so the
 * answer is `max(1, ⌈(instant − genesis·1000) / (period·1000)⌉ + 1)` in integer
 * milliseconds. A draw uses `drandRoundAt(chain, closeAt + delaySeconds·1000)`.
 *
 * Source: https://docs.drand.love/docs/specification/ (round time) and drand-client's
 * `roundAt`.
 *
 * @param chain - the chain's parameters, e.g. {@link QUICKNET}
 * @param instant - epoch milliseconds
 * @returns the round number (≥ 1)
 * @throws {OpsError} `invalid_argument` for a bad chain or instant
 *
 * @example
 * ```ts
 * import { drandRoundAt, QUICKNET } from "@ops/raffle";
 * drandRoundAt(QUICKNET, 1692803367000);
 * // => 1
 * drandRoundAt(QUICKNET, 1692803367001);
 * // => 2
 * drandRoundAt(QUICKNET, 1692803370000);
 * // => 2
 * ```
 */
export function drandRoundAt(chain: DrandChain, instant: Instant): number {
  const c = parseOrThrow(DrandChainSchema, chain, { fn: "drandRoundAt", path: ["chain"] });
  if (!Number.isInteger(instant) || Math.abs(instant) > 8.64e15) {
    throw new OpsError({
      code: "invalid_argument",
      fn: "drandRoundAt",
      path: ["instant"],
      rule: "must be integer epoch milliseconds",
      received: instant,
    });
  }
  return roundAt(c, instant);
}
