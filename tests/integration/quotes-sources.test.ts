import { describe, expect, it } from "vitest";
import { SYSTEM, type Actor } from "@/lib/server/authz";
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
import { deleteGrievance, getGrievanceOrThrow, restoreGrievance } from "@/lib/server/grievances";
import { getMeetingOrThrow } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting } from "../support/factories";
import { fingerprint } from "../support/fingerprint";

// Quotes and sources are corrected after the fact, and every correction keeps what it replaced
// (issue 8): edits at the version seen, soft delete and restore of a quote, a source's URL unique.

const user = (role: "viewer" | "analyst", id = role): Actor => ({
  kind: "user",
  id,
  name: role,
  email: `${role}@example.org`,
  role,
  via: "token",
});
const viewer = user("viewer");
const analyst = user("analyst");

let sequence = 0;

/** A grievance with one quote from a source of its own (a fresh URL), and that quote. */
async function quotedGrievance(quote = "The embassy is short of staff.") {
  const url = `https://example.org/report-${++sequence}`;
  const grievance = await makeGrievance({ citations: [{ quote, source: url }] });
  return { grievance, citation: grievance.citations[0]!, url };
}

describe("editing a quote", () => {
  it("rewrites its text and source at the version seen, and keeps both before → after in a revision", async () => {
    const { grievance, citation, url } = await quotedGrievance("Said at first.");
    expect(citation).toMatchObject({ version: 1, quote: "Said at first.", source: { url } });

    const edited = await updateCitation(SYSTEM, citation.id, {
      version: "1",
      quote: "Said, in the end.",
      source: "Kommersant, 28 February 2025",
      note: "Misquoted at first",
    });
    expect(edited).toMatchObject({
      id: citation.id,
      version: 2,
      quote: "Said, in the end.",
      source: { title: "Kommersant, 28 February 2025", url: null },
      record: { kind: "grievance", id: grievance.id, title: grievance.title, deletedAt: null },
    });
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations).toEqual([
      { id: citation.id, version: 2, quote: "Said, in the end.", source: edited.source },
    ]);

    const revisions = await listCitationRevisions(SYSTEM, citation.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "edit"]);
    expect(revisions[1]).toMatchObject({
      entity: "citation",
      note: "Misquoted at first",
      changes: [
        { field: "quote", before: "Said at first.", after: "Said, in the end." },
        { field: "source", before: url, after: "Kommersant, 28 February 2025" },
      ],
    });
    // The grievance's page lists the revisions of the quotes it carries.
    const onGrievance = (await listRevisions(SYSTEM, "grievance", grievance.id)).filter((r) => r.entity === "citation");
    expect(onGrievance.map((r) => r.action)).toEqual(["create", "edit"]);
    // A source named for the first time is recorded once, with its own create revision.
    const recorded = await listSourceRevisions(SYSTEM, edited.source.id);
    expect(recorded.map((r) => r.action)).toEqual(["create"]);
  });

  it("finds the source the edit names rather than recording it again, and leaves an unchanged quote without a revision", async () => {
    const { citation, url } = await quotedGrievance();
    const other = await quotedGrievance();
    const db = await getDb();
    const sources = await db.source.count();
    const moved = await updateCitation(SYSTEM, citation.id, { version: 1, source: other.url });
    expect(moved.source.id).toBe(other.citation.source.id);
    expect(await db.source.count()).toBe(sources);

    const revisions = await db.revision.count();
    const same = await updateCitation(SYSTEM, citation.id, { version: 2, quote: citation.quote, source: other.url });
    expect(same).toMatchObject({ quote: citation.quote, source: { id: other.citation.source.id } });
    expect(await db.revision.count()).toBe(revisions);
    expect(url).not.toBe(other.url);
  });

  it("records who edited", async () => {
    const real = await createUser(SYSTEM, {
      email: "ana@example.org",
      role: "analyst",
      password: "a long test password",
      name: "Ana",
    });
    const ana: Actor = { kind: "user", id: real.id, name: "Ana", email: real.email, role: "analyst", via: "token" };
    const { citation } = await quotedGrievance();
    await updateCitation(ana, citation.id, { version: 1, quote: "Corrected by Ana." });
    const revisions = await listCitationRevisions(viewer, citation.id);
    expect(revisions.at(-1)!.actor).toEqual({ name: "Ana", email: "ana@example.org" });
  });

  it.each([
    ["a stale version", SYSTEM, { version: 2, quote: "x", source: "https://example.org/new" }, "CONFLICT"],
    ["a viewer", viewer, { version: 1, quote: "x", source: "https://example.org/new" }, "FORBIDDEN"],
    ["no actor", null, { version: 1, quote: "x" }, "UNAUTHENTICATED"],
    ["an empty quote", SYSTEM, { version: 1, quote: "  " }, "VALIDATION_FAILED"],
    ["an empty source", SYSTEM, { version: 1, source: "" }, "VALIDATION_FAILED"],
    ["no version", SYSTEM, { quote: "x" }, "VALIDATION_FAILED"],
    ["an unknown field", SYSTEM, { version: 1, quote: "x", grievanceId: "elsewhere" }, "VALIDATION_FAILED"],
  ])("refuses %s and changes nothing", async (_what, actor, input, code) => {
    const { citation } = await quotedGrievance();
    const before = await fingerprint();
    await expect(updateCitation(actor, citation.id, input)).rejects.toMatchObject({ code });
    expect(await fingerprint()).toEqual(before);
  });

  it("answers a stale version with the quote as it stands now", async () => {
    const { citation } = await quotedGrievance("First.");
    await updateCitation(SYSTEM, citation.id, { version: 1, quote: "Second." });
    const error = await updateCitation(SYSTEM, citation.id, { version: 1, quote: "Third." }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", current: { id: citation.id, version: 2, quote: "Second." } });
  });

  it("404s for an unknown quote, and for one on a deleted grievance (until it is restored)", async () => {
    await expect(updateCitation(SYSTEM, "missing", { version: 1, quote: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const { grievance, citation } = await quotedGrievance();
    await deleteGrievance(SYSTEM, grievance.id);
    const before = await fingerprint();
    await expect(updateCitation(SYSTEM, citation.id, { version: 1, quote: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(getCitation(analyst, citation.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Deleting or restoring the quote alone would change what nobody sees: the grievance first.
    await expect(deleteCitation(SYSTEM, citation.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await fingerprint()).toEqual(before);
    await restoreGrievance(SYSTEM, grievance.id);
    expect((await updateCitation(SYSTEM, citation.id, { version: 1, quote: "Back." })).quote).toBe("Back.");
  });
});

describe("deleting and restoring a quote", () => {
  it("hides it from the grievance's detail, keeps it in the revisions, and brings it back", async () => {
    const url = `https://example.org/report-${++sequence}`;
    const grievance = await makeGrievance({
      citations: [
        { quote: "Kept.", source: url },
        { quote: "Deleted.", source: url },
      ],
    });
    const [kept, gone] = grievance.citations;
    const deleted = await deleteCitation(SYSTEM, gone!.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations.map((c) => c.quote)).toEqual(["Kept."]);
    // Out of sight for everyone but admins, on the source's page too.
    await expect(getCitation(analyst, gone!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listCitationRevisions(analyst, gone!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getSource(analyst, kept!.source.id)).citations.map((c) => c.quote)).toEqual(["Kept."]);
    expect((await getSource(SYSTEM, kept!.source.id)).citations.map((c) => [c.quote, Boolean(c.deletedAt)])).toEqual([
      ["Kept.", false],
      ["Deleted.", true],
    ]);
    const revisions = (await listRevisions(analyst, "grievance", grievance.id)).filter((r) => r.entityId === gone!.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "delete"]);

    const restored = await restoreCitation(SYSTEM, gone!.id);
    expect(restored.deletedAt).toBeNull();
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations.map((c) => c.quote)).toEqual([
      "Kept.",
      "Deleted.",
    ]);
    expect((await listCitationRevisions(analyst, gone!.id)).map((r) => r.action)).toEqual([
      "create",
      "delete",
      "restore",
    ]);
  });

  it("hides a meeting's quote from its detail", async () => {
    const meeting = await makeMeeting();
    const grievance = await makeGrievance({ citations: [{ quote: "On the grievance.", source: "Readout" }] });
    const db = await getDb();
    // Meetings are made with their quotes by the seed; one here is attached the same way.
    const quote = await db.citation.create({
      data: { meetingId: meeting.id, sourceId: grievance.citations[0]!.source.id, quote: "At the meeting." },
      select: { id: true },
    });
    expect((await getMeetingOrThrow(SYSTEM, meeting.id)).citations.map((c) => c.quote)).toEqual(["At the meeting."]);
    const deleted = await deleteCitation(SYSTEM, quote.id);
    expect(deleted.record).toMatchObject({ kind: "meeting", id: meeting.id });
    expect((await getMeetingOrThrow(SYSTEM, meeting.id)).citations).toEqual([]);
  });

  it.each([
    ["an analyst", analyst, "FORBIDDEN"],
    ["a viewer", viewer, "FORBIDDEN"],
    ["no actor", null, "UNAUTHENTICATED"],
  ])("refuses %s and changes nothing", async (_what, actor, code) => {
    const { citation } = await quotedGrievance();
    const before = await fingerprint();
    await expect(deleteCitation(actor, citation.id)).rejects.toMatchObject({ code });
    await deleteCitation(SYSTEM, citation.id);
    const deleted = await fingerprint();
    await expect(restoreCitation(actor, citation.id)).rejects.toMatchObject({ code });
    expect(await fingerprint()).toEqual(deleted);
    expect(deleted).not.toEqual(before);
  });

  it("writes one revision when a quote is deleted twice", async () => {
    const { citation } = await quotedGrievance();
    await deleteCitation(SYSTEM, citation.id);
    await deleteCitation(SYSTEM, citation.id);
    expect((await listCitationRevisions(SYSTEM, citation.id)).map((r) => r.action)).toEqual(["create", "delete"]);
  });
});

describe("a source", () => {
  it("reads with the quotes taken from it and the records they back", async () => {
    const { grievance, citation } = await quotedGrievance("One.");
    const source = await getSource(viewer, citation.source.id);
    expect(source).toMatchObject({
      id: citation.source.id,
      title: citation.source.url,
      version: 1,
      deletedAt: null,
      citations: [
        {
          id: citation.id,
          quote: "One.",
          version: 1,
          deletedAt: null,
          record: { kind: "grievance", id: grievance.id, title: grievance.title },
        },
      ],
    });
    await expect(getSource(viewer, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSource(null, citation.source.id)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("leaves out, for all but admins, the quotes of a deleted grievance", async () => {
    const { grievance, citation } = await quotedGrievance("On a grievance about to go.");
    await deleteGrievance(SYSTEM, grievance.id);
    expect((await getSource(analyst, citation.source.id)).citations).toEqual([]);
    expect((await getSource(SYSTEM, citation.source.id)).citations[0]!.record!.deletedAt).not.toBeNull();
  });

  it("is edited at the version seen, each field before → after in a revision, an empty field cleared", async () => {
    const { grievance, citation, url } = await quotedGrievance();
    const edited = await updateSource(SYSTEM, citation.source.id, {
      version: "1",
      title: "Consular report",
      publisher: "Ministry of Foreign Affairs",
      url: `${url}/v2`,
      publishedAt: "2025-02-27",
      note: "Russian original",
    });
    expect(edited).toMatchObject({
      version: 2,
      title: "Consular report",
      publisher: "Ministry of Foreign Affairs",
      url: `${url}/v2`,
      publishedAt: "2025-02-27T00:00:00.000Z",
      note: "Russian original",
    });
    // The quote's record shows the source as corrected.
    expect((await getGrievanceOrThrow(SYSTEM, grievance.id)).citations[0]!.source).toMatchObject({
      title: "Consular report",
      url: `${url}/v2`,
    });
    const cleared = await updateSource(SYSTEM, citation.source.id, { version: 2, publisher: "", url: "", note: "" });
    expect(cleared).toMatchObject({ version: 3, publisher: null, url: null, note: null, title: "Consular report" });

    const revisions = await listSourceRevisions(viewer, citation.source.id);
    expect(revisions.map((r) => r.action)).toEqual(["create", "edit", "edit"]);
    expect(revisions[1]!.changes).toEqual([
      { field: "title", before: url, after: "Consular report" },
      { field: "url", before: url, after: `${url}/v2` },
      { field: "publisher", before: null, after: "Ministry of Foreign Affairs" },
      { field: "publishedAt", before: null, after: "2025-02-27T00:00:00.000Z" },
      { field: "note", before: null, after: "Russian original" },
    ]);
    expect(revisions[2]!.changes.map((c) => [c.field, c.after])).toEqual([
      ["url", null],
      ["publisher", null],
      ["note", null],
    ]);
  });

  it("refuses a URL another source has with a 400 naming url, and changes nothing", async () => {
    const first = await quotedGrievance();
    const second = await quotedGrievance();
    const before = await fingerprint();
    const error = await updateSource(SYSTEM, second.citation.source.id, { version: 1, url: first.url }).catch(
      (e: unknown) => e,
    );
    // The message names the source that has it, so the analyst can go and merge the two by hand.
    expect(error).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "url", message: expect.stringContaining(first.url) }],
    });
    expect(await fingerprint()).toEqual(before);
  });

  it.each([
    ["a stale version", SYSTEM, { version: 2, title: "x" }, "CONFLICT"],
    ["a viewer", viewer, { version: 1, title: "x" }, "FORBIDDEN"],
    ["an empty title", SYSTEM, { version: 1, title: "" }, "VALIDATION_FAILED"],
    ["a URL that is not http", SYSTEM, { version: 1, url: "ftp://example.org/x" }, "VALIDATION_FAILED"],
    ["a malformed date", SYSTEM, { version: 1, publishedAt: "27 Feb 2025" }, "VALIDATION_FAILED"],
    ["an unknown field", SYSTEM, { version: 1, deletedAt: null }, "VALIDATION_FAILED"],
  ])("refuses %s and changes nothing", async (_what, actor, input, code) => {
    const { citation } = await quotedGrievance();
    const before = await fingerprint();
    await expect(updateSource(actor, citation.source.id, input)).rejects.toMatchObject({ code });
    expect(await fingerprint()).toEqual(before);
  });

  it("answers a stale version with the source as it stands now", async () => {
    const { citation } = await quotedGrievance();
    await updateSource(SYSTEM, citation.source.id, { version: 1, title: "Now" });
    const error = await updateSource(SYSTEM, citation.source.id, { version: 1, title: "Later" }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "CONFLICT", current: { id: citation.source.id, version: 2, title: "Now" } });
  });

  it("404s for an unknown source", async () => {
    await expect(updateSource(SYSTEM, "missing", { version: 1, title: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listSourceRevisions(SYSTEM, "missing")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
