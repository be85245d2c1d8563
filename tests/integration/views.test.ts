import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createView, deleteView, getView, listViews, updateView, viewFilters } from "@/lib/server/views";
import { makeGrievance, makeParty } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";

// Saved views (issue 11): a name for the list's filters, personal or shared; only the owner or an
// admin changes one; a stale rename is a 409 that changes nothing.

type User = Extract<Actor, { kind: "user" }>;

async function user(name: string, role: User["role"]): Promise<User> {
  const db = await getDb();
  const email = `${name}@example.org`;
  const row = await db.user.upsert({ where: { email }, create: { id: `${name}-id`, name, email, role }, update: {} });
  return { kind: "user", id: row.id, name, email, role, via: "token" };
}

/** A grievance whose current status is STALLED (set directly: the count reads the status column). */
async function stalledGrievance(overrides: Record<string, unknown> = {}) {
  const grievance = await makeGrievance({ title: "Stalled one", ...overrides });
  const db = await getDb();
  await db.grievance.update({ where: { id: grievance.id }, data: { status: "STALLED" } });
}

/** A party that raised one stalled grievance and one open one: its filter counts only these. */
async function partyWithGrievances(): Promise<string> {
  const party = (await makeParty()).slug;
  await stalledGrievance({ raisedBy: [party] });
  await makeGrievance({ raisedBy: [party] });
  return party;
}

describe("saved views", () => {
  // The database is the file's: each test starts with no views (and the grievances it makes).
  beforeEach(async () => {
    const db = await getDb();
    await db.savedView.deleteMany();
  });

  it("normalises the filters through the list's schema and counts what they match", async () => {
    const ana = await user("ana", "analyst");
    await stalledGrievance();
    await makeGrievance({ title: "Open one" });
    const view = await createView(ana, { name: "Stalled", query: "?cursor=abc&status=STALLED&limit=5&dir=asc" });
    expect(view).toMatchObject({ name: "Stalled", query: "status=STALLED&dir=asc", shared: false, count: 1 });
    expect(view.href).toBe("/grievances?status=STALLED&dir=asc");
    expect((await listViews(ana)).map((v) => [v.name, v.count])).toEqual([["Stalled", 1]]);
  });

  it("refuses a filter the list refuses, naming it, and saves nothing", async () => {
    const ana = await user("ana", "analyst");
    await expectNothingChanged(async () => {
      await expect(createView(ana, { name: "Bad", query: "status=NOPE" })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [expect.objectContaining({ path: "query.status" })],
      });
      await expect(createView(ana, { name: "Bad", query: "colour=red" })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: "query.colour" })],
      });
      await expect(createView(ana, { name: " ", query: "" })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: "name" })],
      });
    });
  });

  it("reads a bad stored query leniently: the bad filter is dropped, the view still lists", async () => {
    const ana = await user("ana", "analyst");
    await stalledGrievance();
    const view = await createView(ana, { name: "Stalled", query: "status=STALLED" });
    const db = await getDb();
    await db.savedView.update({ where: { id: view.id }, data: { query: "status=GONE&category=LOCAL_STAFF&junk=%E0" } });
    const [read] = await listViews(ana);
    expect(read).toMatchObject({ query: "category=LOCAL_STAFF", count: 0 });
  });

  it("keeps a personal view to its owner and shows a shared one to everyone signed in", async () => {
    const ana = await user("ana", "analyst");
    const bo = await user("bo", "analyst");
    const vi = await user("vi", "viewer");
    const mine = await createView(ana, { name: "Mine", query: "" });
    const team = await createView(ana, { name: "Team", query: "status=OPEN", shared: "on" });
    expect((await listViews(bo)).map((v) => v.name)).toEqual(["Team"]);
    expect((await listViews(vi)).map((v) => [v.name, v.canChange])).toEqual([["Team", false]]);
    await expect(getView(bo, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getView(vi, team.id)).name).toBe("Team");
  });

  it("lets another analyst neither rename nor delete my view; an admin may", async () => {
    const ana = await user("ana", "analyst");
    const bo = await user("bo", "analyst");
    const admin = await user("ad", "admin");
    const team = await createView(ana, { name: "Team", query: "", shared: true });
    const mine = await createView(ana, { name: "Mine", query: "" });
    await expectNothingChanged(async () => {
      await expect(updateView(bo, team.id, { version: 1, name: "Ours" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteView(bo, team.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateView(bo, mine.id, { version: 1, name: "Ours" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteView(bo, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(updateView(null, team.id, { version: 1, name: "x" })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    });
    expect(await updateView(admin, team.id, { version: 1, name: "Renamed" })).toMatchObject({
      name: "Renamed",
      version: 2,
    });
  });

  it("renames at the version seen, 409 when stale with nothing changed, and keeps a revision", async () => {
    const ana = await user("ana", "analyst");
    const view = await createView(ana, { name: "First", query: "" });
    const renamed = await updateView(ana, view.id, { version: "1", name: "Second", shared: false });
    expect(renamed).toMatchObject({ name: "Second", version: 2 });
    await expectNothingChanged(() =>
      expect(updateView(ana, view.id, { version: 1, name: "Third" })).rejects.toMatchObject({
        code: "CONFLICT",
        current: expect.objectContaining({ name: "Second", version: 2 }),
      }),
    );
    const db = await getDb();
    const revisions = await db.revision.findMany({ where: { entity: "savedView", entityId: view.id } });
    expect(revisions.map((r) => [r.action, JSON.parse(r.changes)])).toEqual([
      ["CREATE", expect.any(Array)],
      ["EDIT", [{ field: "name", before: "First", after: "Second" }]],
    ]);
  });

  it("deletes a view: gone from the list, its link still answers that it was deleted", async () => {
    const ana = await user("ana", "analyst");
    const view = await createView(ana, { name: "Doomed", query: "" });
    await deleteView(ana, view.id, { version: 1 });
    expect(await listViews(ana)).toEqual([]);
    expect(await getView(ana, view.id)).toMatchObject({ deletedAt: expect.any(String), count: null });
    await expect(updateView(ana, view.id, { version: 2, name: "Back" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("bounds the navigation's views and counts", async () => {
    const ana = await user("ana", "analyst");
    for (const name of ["a", "b", "c"]) await createView(ana, { name, query: "" });
    expect((await listViews(ana, { limit: 2 })).map((v) => v.name)).toEqual(["a", "b"]);
    expect((await listViews(ana, { counts: false }))[0]!.count).toBeNull();
  });
  it("answers a view in full: who owns it, whether the caller may change it, its timestamps", async () => {
    const ana = await user("ana", "analyst");
    const party = await partyWithGrievances();
    const view = await createView(ana, { name: "Stalled", query: `status=STALLED&party=${party}`, shared: true });
    expect(view).toEqual({
      id: expect.any(String),
      name: "Stalled",
      query: `party=${party}&status=STALLED`,
      href: `/grievances?party=${party}&status=STALLED`,
      shared: true,
      owner: { name: "ana", email: "ana@example.org" },
      canChange: true,
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      deletedAt: null,
      count: 1,
    });
    const vi = await user("vi", "viewer");
    expect(await getView(vi, view.id)).toEqual({ ...view, canChange: false });
    expect(await listViews(vi)).toEqual([{ ...view, canChange: false }]);
  });

  it("saves a view without filters as the bare list, personal unless shared", async () => {
    const ana = await user("ana", "analyst");
    const db = await getDb();
    const view = await createView(ana, { name: "All" });
    expect(view).toMatchObject({ query: "", href: "/grievances", shared: false });
    expect(view.count).toBe(await db.grievance.count({ where: { deletedAt: null } }));
    expect(view.count).toBeGreaterThan(0);
    expect(await createView(ana, { name: "Blank", query: "" })).toMatchObject({ query: "", href: "/grievances" });
    expect(await createView(ana, { name: "Off", query: "", shared: "false" })).toMatchObject({ shared: false });
  });

  it("takes a whole list address, and counts today's list for a view of a past day", async () => {
    const ana = await user("ana", "analyst");
    const party = await partyWithGrievances();
    const view = await createView(ana, {
      name: "Then",
      query: `/grievances?party=${party}&status=STALLED&asOf=2024-06-01`,
    });
    expect(view).toMatchObject({ query: `asOf=2024-06-01&party=${party}&status=STALLED`, count: 1 });
    expect(viewFilters(view.query)).toMatchObject({ status: ["STALLED"], asOf: "2024-06-01" });
    expect((await getView(ana, view.id)).count).toBe(1);
  });

  it("lets a viewer save, rename, share and delete views of its own (a view changes no record)", async () => {
    const vi = await user("vi", "viewer");
    const view = await createView(vi, { name: "Mine", query: "" });
    const shared = await updateView(vi, view.id, { version: 1, shared: true });
    expect(shared).toMatchObject({ name: "Mine", shared: true, version: 2, canChange: true });
    expect((await deleteView(vi, view.id)).deletedAt).not.toBeNull();
  });

  it("refuses a view to the system, which owns none, and saves nothing", async () => {
    await expectNothingChanged(() =>
      expect(createView(SYSTEM, { name: "Nobody's", query: "" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: "A saved view belongs to a signed-in user",
      }),
    );
    await expect(createView(null, { name: "x" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("lists the shared views to the system and lets it read and change anyone's", async () => {
    const ana = await user("ana", "analyst");
    const mine = await createView(ana, { name: "Mine", query: "" });
    const team = await createView(ana, { name: "Team", query: "", shared: true });
    expect((await listViews(SYSTEM)).map((v) => [v.name, v.canChange])).toEqual([["Team", true]]);
    expect(await getView(SYSTEM, mine.id)).toMatchObject({ name: "Mine", canChange: true });
    expect(await updateView(SYSTEM, mine.id, { version: 1, name: "Renamed" })).toMatchObject({ name: "Renamed" });
    expect((await deleteView(SYSTEM, team.id)).deletedAt).not.toBeNull();
  });

  it("shows an admin someone's personal view by its link, not in the admin's own list", async () => {
    const ana = await user("ana", "analyst");
    const admin = await user("ad", "admin");
    const mine = await createView(ana, { name: "Mine", query: "" });
    expect(await listViews(admin)).toEqual([]);
    expect(await getView(admin, mine.id)).toMatchObject({ name: "Mine", canChange: true });
    expect((await deleteView(admin, mine.id, { version: 1 })).deletedAt).not.toBeNull();
  });

  it("lists by name, then by id, with the owner's personal views and the shared ones only", async () => {
    const ana = await user("ana", "analyst");
    const bo = await user("bo", "analyst");
    for (const name of ["b", "c", "a"]) await createView(ana, { name, query: "" });
    const twins = [
      await createView(ana, { name: "twin", query: "" }),
      await createView(bo, { name: "twin", query: "", shared: true }),
    ];
    await createView(bo, { name: "bo's own", query: "" });
    const listed = await listViews(ana);
    expect(listed.map((v) => v.name)).toEqual(["a", "b", "c", "twin", "twin"]);
    expect(listed.slice(3).map((v) => v.id)).toEqual(twins.map((v) => v.id).sort());
  });

  it("is NOT_FOUND for a view that does not exist, and changes nothing", async () => {
    const ana = await user("ana", "analyst");
    await createView(ana, { name: "Here", query: "" });
    await expectNothingChanged(async () => {
      const notFound = { code: "NOT_FOUND", message: "View was not found" };
      await expect(getView(ana, "nope")).rejects.toMatchObject(notFound);
      await expect(updateView(ana, "nope", { version: 1, name: "x" })).rejects.toMatchObject(notFound);
      await expect(deleteView(ana, "nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getView(null, "nope")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(listViews(null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    });
  });

  it("says why another analyst may not change a shared view", async () => {
    const ana = await user("ana", "analyst");
    const bo = await user("bo", "analyst");
    const team = await createView(ana, { name: "Team", query: "", shared: true });
    await expect(updateView(bo, team.id, { version: 1, shared: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only its owner or an admin changes a view",
    });
    expect((await getView(bo, team.id)).canChange).toBe(false);
  });

  it("records the created view's fields, a share and a delete in its revisions", async () => {
    const ana = await user("ana", "analyst");
    const view = await createView(ana, { name: "Open", query: "status=OPEN" });
    const shared = await updateView(ana, view.id, { version: 1, shared: "on" });
    expect(shared).toMatchObject({ name: "Open", shared: true, version: 2, query: "status=OPEN" });
    await deleteView(ana, view.id, { version: 2 });
    const db = await getDb();
    const revisions = await db.revision.findMany({
      where: { entity: "savedView", entityId: view.id },
      orderBy: { recordedAt: "asc" },
    });
    expect(revisions.map((r) => [r.action, JSON.parse(r.changes), r.actorId])).toEqual([
      [
        "CREATE",
        [
          { field: "name", before: null, after: "Open" },
          { field: "query", before: null, after: "status=OPEN" },
          { field: "shared", before: null, after: false },
        ],
        ana.id,
      ],
      ["EDIT", [{ field: "shared", before: false, after: true }], ana.id],
      ["DELETE", [], ana.id],
    ]);
  });

  it("changes only the view named, and only at its version", async () => {
    const ana = await user("ana", "analyst");
    const view = await createView(ana, { name: "One", query: "" });
    const other = await createView(ana, { name: "Other", query: "" });
    const renamed = await updateView(ana, view.id, { version: 1, name: "Uno" });
    expect(renamed).toMatchObject({ name: "Uno", shared: false, version: 2 });
    expect(await getView(ana, other.id)).toMatchObject({ name: "Other", version: 1, deletedAt: null });
    await deleteView(ana, view.id);
    expect(await getView(ana, other.id)).toMatchObject({ name: "Other", version: 1, deletedAt: null });
    expect((await listViews(ana)).map((v) => v.name)).toEqual(["Other"]);
  });

  it("refuses a stale delete with 409 and the view as it stands, changing nothing", async () => {
    const ana = await user("ana", "analyst");
    const view = await createView(ana, { name: "First", query: "" });
    await updateView(ana, view.id, { version: 1, name: "Second" });
    const refused = await expectNothingChanged(() => deleteView(ana, view.id, { version: 1 }).catch((e: unknown) => e));
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("it is now at version 2"),
      current: expect.objectContaining({ id: view.id, name: "Second", version: 2, canChange: true, count: null }),
    });
    expect(await getView(ana, view.id)).toMatchObject({ deletedAt: null, version: 2 });
  });

  it("counts a renamed view's matches", async () => {
    const ana = await user("ana", "analyst");
    const party = await partyWithGrievances();
    const view = await createView(ana, { name: "Stalled", query: `party=${party}&status=STALLED` });
    expect(await updateView(ana, view.id, { version: 1, name: "Still stalled" })).toMatchObject({ count: 1 });
    expect(await deleteView(ana, view.id)).toMatchObject({ count: null, version: 3 });
  });
});
