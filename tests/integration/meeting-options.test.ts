import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { deleteMeeting, listMeetingOptions, MEETING_PICKER_SIZE } from "@/lib/server/meetings";
import { makeMeeting } from "@/tests/support/factories";

// A meeting picker carries the latest MEETING_PICKER_SIZE meetings, not the archive's thousands
// (issue 10: the grievance page sent all 2,000), and still shows every meeting it has selected.

let oldest: string;
let deleted: string;

beforeAll(async () => {
  // Two more than a picker shows, dated one day apart, so "the latest 100" is a definite set.
  oldest = (await makeMeeting({ title: "The oldest round", date: "2020-01-01" })).id;
  deleted = (await makeMeeting({ title: "A deleted round", date: "2020-01-02" })).id;
  await deleteMeeting(SYSTEM, deleted);
  const db = await getDb();
  await db.meeting.createMany({
    data: Array.from({ length: MEETING_PICKER_SIZE + 1 }, (_, i) => ({
      title: `Round ${i}`,
      date: new Date(Date.UTC(2021, 0, 1 + i)),
      status: "HELD" as const,
    })),
  });
});

describe("listMeetingOptions", () => {
  it("offers the latest MEETING_PICKER_SIZE meetings, newest first", async () => {
    const options = await listMeetingOptions(SYSTEM);
    expect(MEETING_PICKER_SIZE).toBe(100);
    expect(options).toHaveLength(100);
    expect(options[0]).toMatchObject({ title: "Round 100", date: "2021-04-11T00:00:00.000Z", status: "HELD" });
    expect(options.at(-1)!.title).toBe("Round 1");
    expect(options.map((o) => o.title)).not.toContain("Round 0");
  });

  it("adds an older meeting it is asked to include, once, after the latest", async () => {
    const options = await listMeetingOptions(SYSTEM, [oldest, undefined, oldest]);
    expect(options).toHaveLength(101);
    expect(options.at(-1)).toMatchObject({ id: oldest, title: "The oldest round", date: "2020-01-01T00:00:00.000Z" });
    expect(options.filter((o) => o.id === oldest)).toHaveLength(1);
  });

  it("adds the older meetings it is asked to include newest first", async () => {
    const db = await getDb();
    const round0 = await db.meeting.findFirstOrThrow({ where: { title: "Round 0" }, select: { id: true } });
    const options = await listMeetingOptions(SYSTEM, [oldest, round0.id]);
    expect(options.slice(100).map((o) => [o.title, o.date])).toEqual([
      ["Round 0", "2021-01-01T00:00:00.000Z"],
      ["The oldest round", "2020-01-01T00:00:00.000Z"],
    ]);
  });

  it("does not repeat an included meeting that is already among the latest", async () => {
    const latest = (await listMeetingOptions(SYSTEM))[0]!.id;
    const options = await listMeetingOptions(SYSTEM, [latest]);
    expect(options).toHaveLength(100);
    expect(options.filter((o) => o.id === latest)).toHaveLength(1);
  });

  it("never includes a deleted or unknown meeting", async () => {
    const options = await listMeetingOptions(SYSTEM, [deleted, "no-such-meeting"]);
    expect(options).toHaveLength(100);
    expect(options.map((o) => o.id)).not.toContain(deleted);
  });

  it("is refused to a signed-out reader", async () => {
    await expect(listMeetingOptions(null)).rejects.toMatchObject({ status: 401 });
  });
});
