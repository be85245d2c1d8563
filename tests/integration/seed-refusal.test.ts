import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { seedDatabase } from "@/lib/server/seed";
import { makeGrievance, makeMeeting, makeParty } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";
import { createMeeting } from "@/lib/server/meetings";

// The seed writes only into an empty database: one holding any party, meeting or grievance is
// refused whole, whatever else it holds, and not a row of it changes.

const REFUSED = { seeded: false, reason: "the database already holds data" };

/** Empties the test's database again between cases (children first). */
async function clear(): Promise<void> {
  const db = await getDb();
  await db.agendaItem.deleteMany();
  await db.grievanceStatusChange.deleteMany();
  await db.meetingStatusChange.deleteMany();
  await db.citation.deleteMany();
  await db.grievanceParty.deleteMany();
  await db.meetingParticipant.deleteMany();
  await db.grievance.deleteMany();
  await db.meeting.deleteMany();
  await db.party.deleteMany();
  await db.venue.deleteMany();
  await db.source.deleteMany();
  await db.revision.deleteMany();
}

describe("the seed refuses a database that holds anything", () => {
  it("refuses one holding only a party", async () => {
    await clear();
    await makeParty();
    expect(await expectNothingChanged(() => seedDatabase(), "the seed")).toEqual(REFUSED);
  });

  it("refuses one holding only a meeting", async () => {
    await clear();
    await makeMeeting();
    expect(await expectNothingChanged(() => seedDatabase(), "the seed")).toEqual(REFUSED);
  });

  it("refuses one holding a meeting with one participant (as many meetings as parties)", async () => {
    await clear();
    const party = await makeParty();
    await createMeeting(SYSTEM, {
      title: "A round",
      date: "2025-05-01",
      status: "HELD",
      participants: [{ party: party.slug, role: "DELEGATION" }],
    });
    expect(await expectNothingChanged(() => seedDatabase(), "the seed")).toEqual(REFUSED);
  });

  it("refuses one holding two grievances between two parties (as many grievances as parties)", async () => {
    await clear();
    const [a, b] = [await makeParty(), await makeParty()];
    await makeGrievance({ raisedBy: [a.slug], addressedTo: [b.slug] });
    await makeGrievance({ raisedBy: [b.slug], addressedTo: [a.slug] });
    const db = await getDb();
    expect([await db.party.count(), await db.meeting.count(), await db.grievance.count()]).toEqual([2, 0, 2]);
    expect(await expectNothingChanged(() => seedDatabase(), "the seed")).toEqual(REFUSED);
  });

  it("seeds one emptied of all three, then refuses to seed it again", async () => {
    await clear();
    expect(await seedDatabase()).toEqual({ seeded: true, reason: "the database was empty" });
    expect(await expectNothingChanged(() => seedDatabase(), "the second seed")).toEqual(REFUSED);
  });
});
