import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createView, deleteView, getView, listViews, updateView } from "@/lib/server/views";
import { makeGrievance } from "../support/factories";
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
async function stalledGrievance() {
  const grievance = await makeGrievance({ title: "Stalled one" });
  const db = await getDb();
  await db.grievance.update({ where: { id: grievance.id }, data: { status: "STALLED" } });
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
});
