import "server-only";
import {
  EDITORIAL,
  GRIEVANCES,
  MEETINGS,
  PARTIES,
  SOURCE_NOTES,
  VENUES,
  type SeedMeeting,
  type SeedStep,
} from "@/lib/seed/istanbul";
import { SYSTEM } from "./authz";
import { getDb } from "./db";
import { createGrievance } from "./grievances";
import { createMeeting, logMeetingOutcome } from "./meetings";
import { mutate } from "./mutation";
import { createParty } from "./parties";
import { findOrCreateSource } from "./sources";
import { createVenue } from "./venues";

export type SeedResult = { seeded: boolean; reason: string };

/** Whether the database holds nothing yet; the seed only ever writes into an empty one. */
async function isEmpty(): Promise<boolean> {
  const db = await getDb();
  const [parties, meetings, grievances] = await Promise.all([
    db.party.count(),
    db.meeting.count(),
    db.grievance.count(),
  ]);
  return parties + meetings + grievances === 0;
}

/** Every seeding write says so: its revisions are marked as the seed's, not an analyst's. */
const SEED = { seed: true } as const;

/** Noon UTC on the day of a round: the seeded timeline's "when". */
function roundTime(meeting: SeedMeeting): Date {
  return new Date(`${meeting.date}T12:00:00Z`);
}

/**
 * Seeds an empty database from the Istanbul editorial through the same lib/server functions the
 * app uses, so seeded records carry the same history rows and search text as any other. On a
 * database that holds anything it changes nothing.
 */
export async function seedDatabase(): Promise<SeedResult> {
  if (!(await isEmpty())) return { seeded: false, reason: "the database already holds data" };

  await mutate(SYSTEM, { permission: "write", context: SEED }, async (tx, _data, who) => {
    for (const [title, note] of Object.entries(SOURCE_NOTES)) await findOrCreateSource(tx, title, who, { note });
  });
  for (const party of PARTIES) await createParty(SYSTEM, party, SEED);
  for (const venue of VENUES) await createVenue(SYSTEM, venue, SEED);

  const meetingIds = new Map<SeedMeeting["key"], string>();
  for (const meeting of MEETINGS) {
    const created = await createMeeting(
      SYSTEM,
      {
        title: meeting.title,
        date: meeting.date,
        venue: meeting.venue,
        status: "HELD",
        summary: meeting.summary,
        participants: meeting.participants,
      },
      {
        ...SEED,
        at: roundTime(meeting),
        reason: "Held (date: TASS; Moscow Times; Kyiv Post; Hürriyet; Reuters; TRT/Anadolu; Xinhua)",
        citations: [{ quote: meeting.quote, source: EDITORIAL.title }],
      },
    );
    meetingIds.set(meeting.key, created.id);
  }

  const grievanceIds = new Map<string, string>();
  for (const grievance of GRIEVANCES) {
    const round = MEETINGS.find((m) => m.key === grievance.raised.at)!;
    const created = await createGrievance(
      SYSTEM,
      {
        title: grievance.title,
        description: grievance.description,
        category: grievance.category,
        raisedBy: grievance.raisedBy,
        addressedTo: grievance.addressedTo,
        citations: [{ quote: grievance.quote, source: EDITORIAL.title }],
      },
      {
        ...SEED,
        at: roundTime(round),
        raisedAtMeetingId: meetingIds.get(round.key),
        raisedReason: grievance.raised.reason,
        sourceTitle: grievance.raised.source,
      },
    );
    grievanceIds.set(grievance.key, created.id);
  }

  // Each round's outcome, one batch per source so every move cites the readout it comes from.
  for (const meeting of MEETINGS) {
    const batches = new Map<string, Array<{ grievanceId: string; note: string; status?: SeedStep["status"] }>>();
    for (const grievance of GRIEVANCES) {
      const step = grievance.steps[meeting.key];
      const raisedHere = grievance.raised.at === meeting.key;
      if (!step && !raisedHere) continue;
      const source = step?.source ?? grievance.raised.source;
      const row = {
        grievanceId: grievanceIds.get(grievance.key)!,
        note: step?.note ?? grievance.raised.reason,
        status: step?.status,
      };
      batches.set(source, [...(batches.get(source) ?? []), row]);
    }
    for (const [source, outcomes] of batches) {
      await logMeetingOutcome(
        SYSTEM,
        meetingIds.get(meeting.key)!,
        { outcomes },
        { ...SEED, at: roundTime(meeting), sourceTitle: source },
      );
    }
  }
  return { seeded: true, reason: "the database was empty" };
}
