import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { deleteGrievance, listGrievances } from "@/lib/server/grievances";
import { listMeetings } from "@/lib/server/meetings";
import { makeGrievance, makeMeeting, makeParty } from "@/tests/support/factories";

// Keyset pagination (lib/server/list-page.ts): a cursor marks the last row a page showed, so the
// pages of a list, followed forward by nextCursor or back by prevCursor, hold every row once in
// the list's order however many rows tie on the sort column, and a row deleted between two reads
// does not shift the next page (an offset would skip the row that slid into its place).

type Page = { items: Array<{ id: string }>; nextCursor: string | null; prevCursor: string | null; offset: number };

/** Every page, following nextCursor from the first; then back from the last, following prevCursor. */
async function walk(read: (cursor: string | undefined) => Promise<Page>) {
  // At most 20 pages: a cursor that led back to its own page would otherwise never end.
  const forward: Page[] = [await read(undefined)];
  while (forward.at(-1)!.nextCursor && forward.length < 20) forward.push(await read(forward.at(-1)!.nextCursor!));
  const back: Page[] = [forward.at(-1)!];
  while (back.at(-1)!.prevCursor && back.length < 20) back.push(await read(back.at(-1)!.prevCursor!));
  return { forward, back: back.reverse() };
}

const ids = (pages: Page[]) => pages.flatMap((p) => p.items.map((i) => i.id));

let party: string;

beforeAll(async () => {
  party = (await makeParty({ name: "Paged party", slug: "paged" })).slug;
  // Thirteen grievances, most raised on the same two days, so the sort column ties across pages.
  for (let i = 0; i < 13; i++) {
    await makeGrievance({
      title: `Paged ${String.fromCharCode(97 + (i % 4))}`,
      raisedBy: [party],
      raisedAt: i % 3 === 0 ? "2024-03-01" : "2024-02-01",
    });
  }
});

describe("the grievance list's cursors", () => {
  it.each([
    { sort: undefined, dir: undefined },
    { sort: "title", dir: "asc" },
    { sort: "title", dir: "desc" },
    { sort: "created", dir: "asc" },
    { sort: "status", dir: "desc" },
  ])("page through every row once, forward and back ($sort $dir)", async ({ sort, dir }) => {
    const filters = { party, ...(sort ? { sort } : {}), ...(dir ? { dir } : {}) };
    const whole = await listGrievances(SYSTEM, { ...filters, limit: 100 });
    expect(whole.items).toHaveLength(13);
    const { forward, back } = await walk((cursor) => listGrievances(SYSTEM, { ...filters, limit: 5, cursor }));
    expect(forward.map((p) => p.items.length)).toEqual([5, 5, 3]);
    expect(forward.map((p) => p.offset)).toEqual([0, 5, 10]);
    expect(ids(forward)).toEqual(whole.items.map((g) => g.id));
    expect(back.map((p) => p.items.map((i) => i.id))).toEqual(forward.map((p) => p.items.map((i) => i.id)));
    expect(forward[0]!.prevCursor).toBeNull();
  });

  it("start the next page after the last row shown, even when a row before it was deleted", async () => {
    const first = await listGrievances(SYSTEM, { party, sort: "title", limit: 5 });
    const whole = await listGrievances(SYSTEM, { party, sort: "title", limit: 100 });
    await deleteGrievance(SYSTEM, first.items[0]!.id);
    const second = await listGrievances(SYSTEM, { party, sort: "title", limit: 5, cursor: first.nextCursor });
    expect(second.items.map((g) => g.id)).toEqual(whole.items.slice(5, 10).map((g) => g.id));
  });

  it.each([
    ["text that is no cursor", "abc"],
    ["an offset, as cursors were", "20"],
    ["a cursor of another sort", "other-sort"],
  ])("refuse %s, naming cursor", async (_what, given) => {
    const cursor =
      given === "other-sort" ? (await listGrievances(SYSTEM, { party, sort: "title", limit: 2 })).nextCursor : given;
    await expect(listGrievances(SYSTEM, { party, limit: 2, cursor })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "cursor" }],
    });
  });
});

describe("the meeting list's cursors", () => {
  it("page through every meeting once, undated ones last, forward and back", async () => {
    for (const date of ["2025-01-10", "2025-01-10", "2025-01-10", null, null, "2025-02-01", "2024-12-01"]) {
      await makeMeeting({ date, title: `Paged round ${date}` });
    }
    const whole = await listMeetings(SYSTEM, { limit: 100 });
    expect(whole.items.length).toBeGreaterThanOrEqual(7);
    expect(whole.items.slice(-2).map((m) => m.date)).toEqual([null, null]);
    const { forward, back } = await walk((cursor) => listMeetings(SYSTEM, { limit: 2, cursor }));
    expect(ids(forward)).toEqual(whole.items.map((m) => m.id));
    expect(ids(back)).toEqual(ids(forward));
  });
});
