// What renderMarkdown and composeReport read of a Report, checked before a line is written.
import * as z from "zod/mini";

/** A finite number or null (zod's number refuses NaN and ±Infinity). */
const valueSchema = () => z.nullable(z.number());

/**
 * What {@link renderMarkdown} reads of a {@link Report}, checked before a line is written:
 * a hand-made or damaged report is an OpsError naming the field, never a TypeError or a
 * "NaN%" cell.
 */
export const ReportShapeSchema = /* @__PURE__ */ (() =>
  z.object({
    kind: z.enum(["weekly", "monthly"]),
    timeZone: z.string(),
    days: z.tuple([z.string(), z.string()]),
    indicators: z.array(
      z.object({
        key: z.enum([
          "postsPublished",
          "comments",
          "likes",
          "shares",
          "engagementRate",
          "inboundMessages",
          "replyRate",
          "replyRateWithinTarget",
          "repliesPending",
          "medianFirstReplyMs",
          "followers",
          "followerNetGrowth",
          "followerGrowthRate",
          "activeActors",
          "returningActorRate",
          "funnelConversion",
        ]),
        group: z.enum(["interaction", "retention", "conversion"]),
        unit: z.enum(["count", "rate", "duration"]),
        current: valueSchema(),
        previous: valueSchema(),
        change: z.object({
          absolute: valueSchema(),
          relative: valueSchema(),
          direction: z.nullable(z.enum(["up", "down", "flat"])),
        }),
      }),
    ),
  }))();
