import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import {
  deleteCitation,
  getCitation,
  getSource,
  listCitationRevisions,
  listSourceRevisions,
  restoreCitation,
  updateCitation,
  updateSource,
} from "@/lib/server/citations";
import { getDb } from "@/lib/server/db";
import { deleteGrievance } from "@/lib/server/grievances";
import { createMeeting, deleteMeeting, restoreMeeting } from "@/lib/server/meetings";
import { createUser } from "@/lib/server/users";
import { makeGrievance, userActor } from "../support/factories";
import { fingerprint } from "../support/fingerprint";

// lib/server/citations.ts beyond quotes-sources.test.ts: a quote on a meeting, the full shape of
// a quote and a source as read, what a hidden quote or source is to whom, and a source's edits
// field by field.

const analyst = userActor("analyst");
// Reads of hidden quotes and sources are made as an admin user: the system passes any check.
const ADMIN = userActor("admin");

let sequence = 0;
const nextUrl = () => `https://example.org/citations-${++sequence}`;

async function quotedMeeting(quote = "Said at the round.") {
  const url = nextUrl();
  const meeting = await createMeeting(
    SYSTEM,
    { title: `Quoted round ${sequence}` },
    { citations: [{ quote, source: url }] },
  );
  return { meeting, citation: meeting.citations[0]!, url };
}

describe("a quote", () => {
  it("reads with its source and the record it backs, to a viewer", async () => {
    const { meeting, citation, url } = await quotedMeeting();
    expect(await getCitation(userActor("viewer"), citation.id)).toEqual({
      id: citation.id,
      version: 1,
      quote: "Said at the round.",
      deletedAt: null,
      record: { kind: "meeting", id: meeting.id, title: meeting.title, deletedAt: null },
      source: { id: citation.source.id, title: url, url, publisher: null, publishedAt: null, note: null },
    });
    await expect(getCitation(userActor("viewer"), "missing")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Quote was not found",
    });
    await expect(getCitation(null, citation.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("on a deleted meeting is hidden but from admins, not edited, and its delete waits for the meeting", async () => {
    const { meeting, citation } = await quotedMeeting();
    await deleteMeeting(SYSTEM, meeting.id);
    await expect(getCitation(analyst, citation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCitationRevisions(analyst, citation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const seen = await getCitation(ADMIN, citation.id);
    expect(seen.record).toEqual({
      kind: "meeting",
      id: meeting.id,
      title: meeting.title,
      deletedAt: expect.any(String),
    });
    expect((await listCitationRevisions(ADMIN, citation.id)).map((r) => r.action)).toEqual(["create"]);
    const before = await fingerprint();
    await expect(updateCitation(SYSTEM, citation.id, { version: 1, quote: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Quote was not found",
    });
    for (const call of [deleteCitation, restoreCitation]) {
      await expect(call(SYSTEM, citation.id)).rejects.toMatchObject({
        code: "CONFLICT",
        message: "The meeting this quote backs is deleted; restore the meeting first",
      });
    }
    expect(await fingerprint()).toEqual(before);
    await restoreMeeting(SYSTEM, meeting.id);
    expect((await getCitation(analyst, citation.id)).record!.deletedAt).toBeNull();
  });

  it("on a deleted grievance names the grievance in the refusal of its delete", async () => {
    const grievance = await makeGrievance({ citations: [{ quote: "On a grievance.", source: nextUrl() }] });
    await deleteGrievance(SYSTEM, grievance.id);
    await expect(deleteCitation(SYSTEM, grievance.citations[0]!.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The grievance this quote backs is deleted; restore the grievance first",
    });
    await expect(deleteCitation(SYSTEM, "missing")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Quote was not found",
    });
  });

  it("deleted is read by an admin with when, and restored", async () => {
    const { citation } = await quotedMeeting();
    const deleted = await deleteCitation(SYSTEM, citation.id);
    expect(deleted).toMatchObject({ id: citation.id, version: 2, deletedAt: expect.any(String) });
    expect(await getCitation(ADMIN, citation.id)).toMatchObject({ deletedAt: deleted.deletedAt });
    await expect(getCitation(analyst, citation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await restoreCitation(SYSTEM, citation.id)).toMatchObject({ version: 3, deletedAt: null });
  });

  it("edited in its text alone keeps its source, in its source alone keeps its text; its search text follows", async () => {
    const { citation } = await quotedMeeting("Original Wording");
    const text = await updateCitation(SYSTEM, citation.id, { version: 1, quote: "Corrected Wording" });
    expect(text).toMatchObject({ version: 2, quote: "Corrected Wording", source: { id: citation.source.id } });
    const db = await getDb();
    expect(await db.citation.findUniqueOrThrow({ where: { id: citation.id }, select: { searchText: true } })).toEqual({
      searchText: "corrected wording",
    });
    const moved = await updateCitation(SYSTEM, citation.id, { version: 2, source: "A Named Wire" });
    expect(moved).toMatchObject({
      version: 3,
      quote: "Corrected Wording",
      source: { title: "A Named Wire", url: null },
    });
    const revisions = await listCitationRevisions(ADMIN, citation.id);
    expect(revisions.slice(1).map((r) => [r.note, r.changes])).toEqual([
      [null, [{ field: "quote", before: "Original Wording", after: "Corrected Wording" }]],
      [null, [{ field: "source", before: citation.source.url, after: "A Named Wire" }]],
    ]);
  });
});

describe("a source", () => {
  it("reads every field, its quotes oldest first with their records", async () => {
    const url = nextUrl();
    const first = await makeGrievance({ citations: [{ quote: "First.", source: url }] });
    const second = await createMeeting(
      SYSTEM,
      { title: "Later round" },
      { citations: [{ quote: "Second.", source: url }] },
    );
    const id = first.citations[0]!.source.id;
    const source = await getSource(userActor("viewer"), id);
    expect(source).toEqual({
      id,
      title: url,
      url,
      publisher: null,
      publishedAt: null,
      note: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      deletedAt: null,
      citations: [
        {
          id: first.citations[0]!.id,
          version: 1,
          quote: "First.",
          deletedAt: null,
          record: { kind: "grievance", id: first.id, title: first.title, deletedAt: null },
        },
        {
          id: second.citations[0]!.id,
          version: 1,
          quote: "Second.",
          deletedAt: null,
          record: { kind: "meeting", id: second.id, title: "Later round", deletedAt: null },
        },
      ],
    });
    const db = await getDb();
    const row = await db.source.findUniqueOrThrow({ where: { id }, select: { createdAt: true, updatedAt: true } });
    expect([source.createdAt, source.updatedAt]).toEqual([row.createdAt.toISOString(), row.updatedAt.toISOString()]);
  });

  it("leaves out, for all but admins, the quotes of a deleted meeting and a deleted quote", async () => {
    const url = nextUrl();
    const grievance = await makeGrievance({
      citations: [
        { quote: "Live.", source: url },
        { quote: "Deleted quote.", source: url },
      ],
    });
    const meeting = await createMeeting(
      SYSTEM,
      { title: "Gone round" },
      { citations: [{ quote: "On a gone meeting.", source: url }] },
    );
    await deleteMeeting(SYSTEM, meeting.id);
    await deleteCitation(SYSTEM, grievance.citations[1]!.id);
    const id = grievance.citations[0]!.source.id;
    expect((await getSource(analyst, id)).citations.map((c) => c.quote)).toEqual(["Live."]);
    expect(
      (await getSource(ADMIN, id)).citations.map((c) => [c.quote, c.deletedAt !== null, c.record!.deletedAt !== null]),
    ).toEqual([
      ["Live.", false, false],
      ["Deleted quote.", true, false],
      ["On a gone meeting.", false, true],
    ]);
    // An edit answers with what its author may see.
    const real = await createUser(SYSTEM, {
      email: "src-editor@example.org",
      role: "analyst",
      password: "a long test password",
    });
    const byAnalyst = await updateSource({ kind: "user", ...real, via: "session" }, id, {
      version: 1,
      title: "Renamed",
    });
    expect(byAnalyst.citations.map((c) => c.quote)).toEqual(["Live."]);
    const byAdmin = await updateSource(SYSTEM, id, { version: 2, note: "Checked" });
    expect(byAdmin.citations).toHaveLength(3);
  });

  it("with deletedAt set is for admins only, its revisions too", async () => {
    const grievance = await makeGrievance({ citations: [{ quote: "Q.", source: nextUrl() }] });
    const id = grievance.citations[0]!.source.id;
    const db = await getDb();
    await db.source.update({ where: { id }, data: { deletedAt: new Date("2025-05-05T00:00:00Z") } });
    await expect(getSource(analyst, id)).rejects.toMatchObject({ code: "NOT_FOUND", message: "Source was not found" });
    await expect(listSourceRevisions(analyst, id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Source was not found",
    });
    expect(await getSource(ADMIN, id)).toMatchObject({ id, deletedAt: "2025-05-05T00:00:00.000Z" });
    expect((await listSourceRevisions(ADMIN, id)).map((r) => r.action)).toEqual(["create"]);
    await expect(updateSource(SYSTEM, id, { version: 1, title: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is edited field by field, each left as it was when not named, its search text following", async () => {
    const grievance = await makeGrievance({ citations: [{ quote: "Q.", source: "Field Source" }] });
    const id = grievance.citations[0]!.source.id;
    const dated = await updateSource(SYSTEM, id, { version: 1, publishedAt: "2025-02-27", publisher: "The Ministry" });
    expect(dated).toMatchObject({
      title: "Field Source",
      url: null,
      note: null,
      publisher: "The Ministry",
      publishedAt: "2025-02-27T00:00:00.000Z",
    });
    const db = await getDb();
    const text = async () =>
      (await db.source.findUniqueOrThrow({ where: { id }, select: { searchText: true } })).searchText;
    expect(await text()).toBe("field source\nthe ministry");
    const undated = await updateSource(SYSTEM, id, { version: 2, publishedAt: null });
    expect(undated).toMatchObject({ version: 3, publishedAt: null, publisher: "The Ministry" });
    const noted = await updateSource(SYSTEM, id, {
      version: 3,
      note: "Russian Original",
      url: "https://example.org/field",
    });
    expect(noted).toMatchObject({
      version: 4,
      note: "Russian Original",
      url: "https://example.org/field",
      publisher: "The Ministry",
    });
    expect(await text()).toBe("field source\nthe ministry\nhttps://example.org/field\nrussian original");
    expect((await listSourceRevisions(ADMIN, id)).slice(1).map((r) => r.changes)).toEqual([
      [
        { field: "publisher", before: null, after: "The Ministry" },
        { field: "publishedAt", before: null, after: "2025-02-27T00:00:00.000Z" },
      ],
      [{ field: "publishedAt", before: "2025-02-27T00:00:00.000Z", after: null }],
      [
        { field: "url", before: null, after: "https://example.org/field" },
        { field: "note", before: null, after: "Russian Original" },
      ],
    ]);
  });

  it("keeps its own URL when an edit names it again, and names the source that has a URL asked for", async () => {
    const url = nextUrl();
    const grievance = await makeGrievance({ citations: [{ quote: "Q.", source: url }] });
    const id = grievance.citations[0]!.source.id;
    const same = await updateSource(SYSTEM, id, { version: 1, url });
    expect(same).toMatchObject({ version: 1, url });
    const other = await makeGrievance({ citations: [{ quote: "Other.", source: "Other titled source" }] });
    await updateSource(SYSTEM, other.citations[0]!.source.id, { version: 1, url: nextUrl(), title: "The Other One" });
    const before = await fingerprint();
    const otherUrl = (await getSource(ADMIN, other.citations[0]!.source.id)).url!;
    await expect(updateSource(SYSTEM, id, { version: 1, url: otherUrl })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "url", message: "Another source has this URL: “The Other One”" }],
    });
    expect(await fingerprint()).toEqual(before);
  });
});
