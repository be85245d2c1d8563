import { beforeAll, describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/schemas/cursor";
import { GRIEVANCE_CATEGORIES, GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import { SYSTEM } from "@/lib/server/authz";
import { deleteGrievance, listGrievances, updateGrievance } from "@/lib/server/grievances";
import { listMeetings } from "@/lib/server/meetings";
import { makeGrievance, makeMeeting, makeParty, userActor } from "@/tests/support/factories";

// Keyset pagination (lib/server/list-page.ts): a cursor marks the last row a page showed, so the
// pages of a list, followed forward by nextCursor or back by prevCursor, hold every row once in
// the list's order however many rows tie on the sort column, and a row deleted between two reads
// does not shift the next page (an offset would skip the row that slid into its place).

type Page = {
  items: Array<{ id: string }>;
  nextCursor: string | null;
  prevCursor: string | null;
  offset: number;
  total: number;
};

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
    expect(forward.map((p) => p.total)).toEqual([13, 13, 13]);
    expect(ids(forward)).toEqual(whole.items.map((g) => g.id));
    expect(back.map((p) => p.items.map((i) => i.id))).toEqual(forward.map((p) => p.items.map((i) => i.id)));
    expect(back.map((p) => p.offset)).toEqual([0, 5, 10]);
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

describe("paging by an enum column", () => {
  // Prisma compares enums by equality only, so "after VISAS" is the list of values after it in the
  // database's own order (declaration order on PostgreSQL, text order on SQLite): a wrong order
  // would skip or repeat rows at a page boundary.
  it.each([
    { sort: "category", dir: "asc" },
    { sort: "category", dir: "desc" },
    { sort: "status", dir: "asc" },
    { sort: "status", dir: "desc" },
  ])("pages through every value once, forward and back ($sort $dir)", async ({ sort, dir }) => {
    const slug = (await makeParty()).slug;
    for (let i = 0; i < 14; i++) {
      const g = await makeGrievance({
        raisedBy: [slug],
        category: GRIEVANCE_CATEGORIES[i % GRIEVANCE_CATEGORIES.length],
      });
      const status = GRIEVANCE_STATUSES[i % GRIEVANCE_STATUSES.length]!;
      if (status !== "OPEN") await updateGrievance(SYSTEM, g.id, { version: g.version, status, reason: "Sorted" });
    }
    const filters = { party: slug, sort, dir };
    const whole = await listGrievances(SYSTEM, { ...filters, limit: 100 });
    expect(new Set(whole.items.map((g) => (sort === "status" ? g.status : g.category))).size).toBeGreaterThan(5);
    const { forward, back } = await walk((cursor) => listGrievances(SYSTEM, { ...filters, limit: 3, cursor }));
    expect(ids(forward)).toEqual(whole.items.map((g) => g.id));
    expect(ids(back)).toEqual(ids(forward));
  });
});

describe("the last page", () => {
  it("has no next cursor when the rows end exactly at the page's end", async () => {
    const slug = (await makeParty()).slug;
    for (let i = 0; i < 4; i++) await makeGrievance({ raisedBy: [slug] });
    const first = await listGrievances(SYSTEM, { party: slug, limit: 2 });
    const second = await listGrievances(SYSTEM, { party: slug, limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect((await listGrievances(SYSTEM, { party: slug, limit: 4 })).nextCursor).toBeNull();
  });
});

describe("a cursor the list did not make", () => {
  // A cursor is base64 JSON: one edited by hand, with the right sort but values that do not fit
  // its columns, is refused naming cursor rather than reaching the database.
  async function forged(sort: string, edit: (values: Array<string | null>) => Array<string | null>) {
    const real = (await listGrievances(SYSTEM, { party, sort, limit: 2 })).nextCursor!;
    const cursor = decodeCursor(real)!;
    return encodeCursor({ ...cursor, values: edit(cursor.values) });
  }

  it.each([
    ["one value too few", "status", (v: Array<string | null>) => v.slice(1)],
    ["one value too many", "status", (v: Array<string | null>) => [...v, "extra"]],
    ["a null in a column that is never null", "title", (v: Array<string | null>) => [null, v[1]!]],
    ["a status that does not exist", "status", (v: Array<string | null>) => ["SETTLED", v[1]!]],
    ["a date that is no date", "lastMoved", (v: Array<string | null>) => ["yesterday", v[1]!]],
  ])("refuses %s, naming cursor", async (_what, sort, edit) => {
    const cursor = await forged(sort, edit);
    await expect(listGrievances(SYSTEM, { party, sort, limit: 2, cursor })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "cursor" }],
    });
  });

  it("takes the list's own cursor unchanged, re-encoded", async () => {
    const cursor = await forged("status", (v) => v);
    const page = await listGrievances(SYSTEM, { party, sort: "status", limit: 2, cursor });
    expect(page.offset).toBe(2);
    expect(page.items).toHaveLength(2);
  });
});

describe("the previous page when rows before it are gone", () => {
  it("is the first page, whole, when no full page is left before the cursor's row", async () => {
    const slug = (await makeParty()).slug;
    for (let i = 0; i < 8; i++) await makeGrievance({ raisedBy: [slug], title: `Gone ${i}` });
    const filters = { party: slug, sort: "title" } as const;
    const first = await listGrievances(SYSTEM, { ...filters, limit: 3 });
    const second = await listGrievances(SYSTEM, { ...filters, limit: 3, cursor: first.nextCursor });
    await deleteGrievance(SYSTEM, first.items[0]!.id);
    await deleteGrievance(SYSTEM, first.items[1]!.id);
    const back = await listGrievances(SYSTEM, { ...filters, limit: 3, cursor: second.prevCursor });
    const now = await listGrievances(SYSTEM, { ...filters, limit: 100 });
    expect(back.items.map((g) => g.id)).toEqual(now.items.slice(0, 3).map((g) => g.id));
    expect(back.offset).toBe(0);
    expect(back.prevCursor).toBeNull();
    expect(back.nextCursor).not.toBeNull();
    expect(back.total).toBe(6);
  });

  it("ends with no next page when the whole list fits that first page", async () => {
    const slug = (await makeParty()).slug;
    for (let i = 0; i < 4; i++) await makeGrievance({ raisedBy: [slug], title: `Few ${i}` });
    const filters = { party: slug, sort: "title" } as const;
    const first = await listGrievances(SYSTEM, { ...filters, limit: 3 });
    const second = await listGrievances(SYSTEM, { ...filters, limit: 3, cursor: first.nextCursor });
    await deleteGrievance(SYSTEM, first.items[0]!.id);
    const back = await listGrievances(SYSTEM, { ...filters, limit: 3, cursor: second.prevCursor });
    expect(back.items).toHaveLength(3);
    expect(back.nextCursor).toBeNull();
  });
});

describe("the deleted list", () => {
  it("is for admins only: an analyst is refused, an admin sees only what was deleted", async () => {
    const slug = (await makeParty()).slug;
    const [kept, gone] = [await makeGrievance({ raisedBy: [slug] }), await makeGrievance({ raisedBy: [slug] })];
    await deleteGrievance(SYSTEM, gone.id);
    await expect(listGrievances(userActor("analyst"), { party: slug, deleted: "1" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const bin = await listGrievances(userActor("admin"), { party: slug, deleted: "1" });
    expect(bin.items.map((g) => g.id)).toEqual([gone.id]);
    expect((await listGrievances(userActor("analyst"), { party: slug })).items.map((g) => g.id)).toEqual([kept.id]);
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
