import { z } from "zod";
import { TimestampSchema } from "./common";
import { GrievanceStatusSchema } from "./enums";
import { MeetingSummarySchema } from "./meeting";
import { PartyRefSchema } from "./party";

/** The home page's figures (not part of the API). */
export const OverviewSchema = z.strictObject({
  unsettledByParty: z.array(
    z.strictObject({ party: PartyRefSchema, raised: z.int().min(0), addressed: z.int().min(0) }),
  ),
  byStatus: z.array(z.strictObject({ status: GrievanceStatusSchema, count: z.int().min(0) })),
  totalGrievances: z.int().min(0),
  lastRound: z.strictObject({ id: z.string(), title: z.string(), date: TimestampSchema }).nullable(),
  /** Whole days from the last held meeting to `now`; null when none is dated. */
  daysSinceLastRound: z.int().nullable(),
  latestMeetings: z.array(MeetingSummarySchema),
  latestMoves: z.array(
    z.strictObject({
      id: z.string(),
      grievance: z.strictObject({ id: z.string(), title: z.string() }),
      from: GrievanceStatusSchema.nullable(),
      to: GrievanceStatusSchema,
      reason: z.string(),
      at: TimestampSchema,
      meeting: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
    }),
  ),
});
export type Overview = z.output<typeof OverviewSchema>;
