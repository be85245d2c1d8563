import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { deleteGrievance } from "@/lib/server/grievances";
import { getMeetingOrThrow, listMeetings, logMeetingOutcome } from "@/lib/server/meetings";
import { makeGrievance, makeMeeting } from "@/tests/support/factories";

// A meeting's agendaCount is how many live grievances its agenda holds: in the list (counted for
// the page's meetings only, lib/server/meetings.ts agendaCounts) and on its own page alike. A
// deleted grievance's item stays in the record but leaves the count.

let busy: string;
let other: string;
let empty: string;

beforeAll(async () => {
  busy = (await makeMeeting({ title: "Busy round", date: "2025-05-03" })).id;
  other = (await makeMeeting({ title: "Other round", date: "2025-05-02" })).id;
  empty = (await makeMeeting({ title: "Empty round", date: "2025-05-01" })).id;
  const [a, b, c, d] = [await makeGrievance(), await makeGrievance(), await makeGrievance(), await makeGrievance()];
  await logMeetingOutcome(SYSTEM, busy, {
    outcomes: [a, b, c].map((g) => ({ grievanceId: g.id, note: "Discussed" })),
  });
  await logMeetingOutcome(SYSTEM, other, { outcomes: [{ grievanceId: d.id, note: "Discussed" }] });
  await deleteGrievance(SYSTEM, c.id);
});

describe("a meeting's agendaCount", () => {
  it("counts each listed meeting's own live agenda items, and 0 for none", async () => {
    const page = await listMeetings(SYSTEM, { limit: 10 });
    const counts = Object.fromEntries(page.items.map((m) => [m.title, m.agendaCount]));
    expect(counts).toEqual({ "Busy round": 2, "Other round": 1, "Empty round": 0 });
  });

  it("is the same on the meeting's own page", async () => {
    expect((await getMeetingOrThrow(SYSTEM, busy)).agendaCount).toBe(2);
    expect((await getMeetingOrThrow(SYSTEM, other)).agendaCount).toBe(1);
    expect((await getMeetingOrThrow(SYSTEM, empty)).agendaCount).toBe(0);
  });
});
