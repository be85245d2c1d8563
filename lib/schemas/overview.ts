import { z } from "zod";
import { CalendarDateSchema, TimestampSchema } from "./common";
import { GrievanceStatusSchema } from "./enums";
import { MeetingSummarySchema } from "./meeting";
import { PartyRefSchema } from "./party";

/** The overview's figures: the home page shows them, `GET /api/v1/overview` serves them. */
export const OverviewSchema = z.strictObject({
  asOf: CalendarDateSchema.nullable().meta({
    description: "The past day replayed (its end, UTC); null for today's record, which a future `asOf` also gives",
  }),
  /** Why there is nothing to count, said once so that the page and a script read the same. */
  explanation: z.string().nullable().meta({
    description: "Why the overview is empty (nothing raised yet, or nothing raised by `asOf`); null otherwise",
  }),
  unsettledByParty: z
    .array(z.strictObject({ party: PartyRefSchema, raised: z.int().min(0), addressed: z.int().min(0) }))
    .meta({
      description:
        "Per party, its grievances still open, in negotiation, partially resolved or stalled: raised by it and addressed to it; parties with none are left out",
    }),
  byStatus: z
    .array(z.strictObject({ status: GrievanceStatusSchema, count: z.int().min(0) }))
    .meta({ description: "Every status, in the order of the vocabulary, with how many grievances have it" }),
  totalGrievances: z.int().min(0),
  lastRound: z
    .strictObject({ id: z.string(), title: z.string(), date: TimestampSchema })
    .nullable()
    .meta({ description: "The latest held meeting with a date (by `asOf`); null when there is none" }),
  daysSinceLastRound: z.int().nullable().meta({
    description: "Whole days from the last round to now (or to the end of `asOf`); null when there is none",
  }),
  latestMeetings: z.array(MeetingSummarySchema).meta({ description: "The five latest meetings (dated by `asOf`)" }),
  latestMoves: z
    .array(
      z.strictObject({
        id: z.string(),
        grievance: z.strictObject({ id: z.string(), title: z.string() }),
        from: GrievanceStatusSchema.nullable(),
        to: GrievanceStatusSchema,
        reason: z.string(),
        at: TimestampSchema,
        meeting: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
      }),
    )
    .meta({ description: "The eight latest status moves by when they happened (by `asOf`), newest first" }),
});
export type Overview = z.output<typeof OverviewSchema>;
