import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/grievances/route";
import { GET as readRoute, PATCH as patchRoute } from "@/app/api/v1/grievances/[id]/route";
import { GET as historyRoute } from "@/app/api/v1/grievances/[id]/history/route";
import { GET as revisionsRoute } from "@/app/api/v1/grievances/[id]/revisions/route";
import { LIMITS } from "@/lib/schemas/common";
import { GrievanceDetailSchema, GrievancePageSchema, HistoryListSchema } from "@/lib/schemas/grievance";
import { RevisionListSchema } from "@/lib/schemas/revision";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";
import { makeGrievance, makeMeeting, seedDatabase } from "../support/factories";
import { expectError, getRequest, jsonRequest, noParams, params, readJson, authHeader } from "./support";

async function counts() {
  const db = await getDb();
  const [grievances, history, links, citations] = await Promise.all([
    db.grievance.count(),
    db.grievanceStatusChange.count(),
    db.grievanceParty.count(),
    db.citation.count(),
  ]);
  return { grievances, history, links, citations };
}

async function list(query: string) {
  const response = await listRoute(getRequest(`/api/v1/grievances${query}`), noParams);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return GrievancePageSchema.parse(await readJson(response));
}

const titles = (page: { items: Array<{ title: string }> }) => page.items.map((item) => item.title).sort();

const SEED_TITLES = [
  "Ban on hiring local staff",
  "Banking hurdles under sanctions",
  "Limited embassy staff",
  "Restoration of direct flights",
  "Return of frozen diplomatic properties",
  "Slow or blocked visas for diplomats",
];

let visasMoscow: string;
let turkiye: string;
let istanbul: string;

beforeAll(async () => {
  await seedDatabase();
  // Created through the API itself, so these also prove POST writes the search text.
  const make = async (body: Record<string, unknown>) => {
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", body), noParams);
    expect(response.status).toBe(201);
    return (await readJson<{ id: string }>(response)).id;
  };
  visasMoscow = await make({
    title: "Визы задерживаются в Москве",
    category: "VISAS",
    raisedBy: ["united-states"],
    addressedTo: ["russia"],
  });
  turkiye = await make({
    title: "Host country logistics",
    description: "Türkiye asks for notice before each round.",
    category: "OTHER",
    raisedBy: ["turkiye"],
    addressedTo: ["united-states", "russia"],
  });
  istanbul = await make({
    title: "Consulate access in İstanbul",
    category: "STAFFING",
    raisedBy: ["russia"],
    addressedTo: ["turkiye"],
  });
});

describe("GET /api/v1/grievances", () => {
  it("lists every grievance with the list shape and parties as {slug, name}", async () => {
    const page = await list("");
    expect(page.items).toHaveLength(9);
    expect(page.total).toBe(9);
    expect(page.nextCursor).toBeNull();
    expect(titles(page)).toEqual(expect.arrayContaining(SEED_TITLES));
    const visas = page.items.find((g) => g.title === "Slow or blocked visas for diplomats")!;
    expect(visas).toMatchObject({
      category: "VISAS",
      status: "IN_NEGOTIATION",
      raisedBy: expect.arrayContaining([expect.objectContaining({ slug: "russia", name: "Russia" })]),
      addressedTo: expect.arrayContaining([expect.objectContaining({ slug: "united-states", name: "United States" })]),
    });
  });

  it("filters by party in either role, or narrowed by role", async () => {
    expect(titles(await list("?party=turkiye"))).toEqual(["Consulate access in İstanbul", "Host country logistics"]);
    expect(titles(await list("?party=turkiye&role=raised"))).toEqual(["Host country logistics"]);
    expect(titles(await list("?party=turkiye&role=addressed"))).toEqual(["Consulate access in İstanbul"]);
    const raisedByRussia = titles(await list("?party=russia&role=raised"));
    expect(raisedByRussia).toContain("Return of frozen diplomatic properties");
    expect(raisedByRussia).not.toContain("Ban on hiring local staff");
    const addressedToRussia = titles(await list("?party=russia&role=addressed"));
    expect(addressedToRussia).toContain("Ban on hiring local staff");
    expect(addressedToRussia).not.toContain("Return of frozen diplomatic properties");
  });

  it("filters by a comma list of statuses, and by repeated keys alike", async () => {
    const expected = [
      "Banking hurdles under sanctions",
      "Return of frozen diplomatic properties",
      "Slow or blocked visas for diplomats",
    ];
    expect(titles(await list("?status=IN_NEGOTIATION,PARTIALLY_RESOLVED"))).toEqual(expected);
    expect(titles(await list("?status=IN_NEGOTIATION&status=PARTIALLY_RESOLVED"))).toEqual(expected);
    expect(titles(await list("?status=PARTIALLY_RESOLVED"))).toEqual(["Banking hurdles under sanctions"]);
  });

  it("filters by category", async () => {
    expect(titles(await list("?category=VISAS"))).toEqual(
      ["Slow or blocked visas for diplomats", "Визы задерживаются в Москве"].sort(),
    );
    expect(titles(await list("?category=FLIGHTS,PROPERTY"))).toEqual([
      "Restoration of direct flights",
      "Return of frozen diplomatic properties",
    ]);
  });

  it("searches case- and accent-insensitively in Cyrillic, Turkish and Latin text", async () => {
    expect((await list(`?q=${encodeURIComponent("москве")}`)).items.map((g) => g.id)).toEqual([visasMoscow]);
    expect((await list(`?q=${encodeURIComponent("МОСКВЕ")}`)).items.map((g) => g.id)).toEqual([visasMoscow]);
    expect((await list("?q=turkiye")).items.map((g) => g.id)).toEqual([turkiye]);
    expect((await list("?q=istanbul")).items.map((g) => g.id)).toEqual([istanbul]);
    expect((await list("?q=atlantis")).items).toEqual([]);
  });

  it("filters by meeting", async () => {
    const all = await list("");
    const property = all.items.find((g) => g.title === "Return of frozen diplomatic properties")!;
    const meetingId = property.lastMeeting!.id;
    const page = await list(`?meeting=${meetingId}`);
    expect(page.items.map((g) => g.id)).toContain(property.id);
    expect(page.items.map((g) => g.id)).not.toContain(visasMoscow);
  });

  it("pages with a cursor until nextCursor is null, without repeats or gaps", async () => {
    const first = await list("?limit=4&sort=title");
    expect(first.items).toHaveLength(4);
    expect(first.total).toBe(9);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=4&sort=title&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(4);
    const third = await list(`?limit=4&sort=title&cursor=${second.nextCursor}`);
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.items, ...second.items, ...third.items].map((g) => g.id);
    expect(new Set(seen).size).toBe(9);
    // The pages, end to end, are the one-page list in the same order (the database's collation).
    const whole = await list("?limit=100&sort=title");
    expect(seen).toEqual(whole.items.map((g) => g.id));
  });

  it("treats an empty value as no filter", async () => {
    expect((await list("?status=&party=&q=")).total).toBe(9);
  });

  it.each([
    ["an unknown key", "?colour=red", "colour"],
    ["a negative limit", "?limit=-1", "limit"],
    ["a limit over the maximum", `?limit=${LIMITS.pageSizeMax + 1}`, "limit"],
    ["a limit that is not a number", "?limit=ten", "limit"],
    ["an unknown status", "?status=OPEN,SETTLED", "status.1"],
    ["an unknown category", "?category=WEATHER", "category.0"],
    ["an unknown role", "?party=russia&role=mediator", "role"],
    ["a malformed party slug", "?party=Not%20A%20Slug!", "party"],
    ["a malformed cursor", "?cursor=abc", "cursor"],
    ["an unknown sort key", "?sort=colour", "sort"],
  ])("refuses %s with 400 naming the field", async (_what, query, path) => {
    const response = await listRoute(getRequest(`/api/v1/grievances${query}`), noParams);
    await expectError(response, 400, "VALIDATION_FAILED", path);
  });
});

describe("POST /api/v1/grievances", () => {
  it("creates a grievance: 201, Location, the detail with its first history entry", async () => {
    const before = await counts();
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/grievances", {
        title: "  Closed consulate in Seattle  ",
        description: "Russia wants the Seattle consulate back.",
        category: "PROPERTY",
        raisedBy: ["russia"],
        addressedTo: ["united-states"],
        citations: [{ quote: "the return of six properties", source: "https://example.org/readout" }],
      }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const created = GrievanceDetailSchema.parse(await readJson(response));
    expect(response.headers.get("location")).toBe(`/api/v1/grievances/${created.id}`);
    expect(created).toMatchObject({
      title: "Closed consulate in Seattle",
      status: "OPEN",
      version: 1,
      raisedBy: [{ slug: "russia", name: "Russia" }],
      addressedTo: [{ slug: "united-states", name: "United States" }],
      citations: [{ quote: "the return of six properties", source: { url: "https://example.org/readout" } }],
    });
    expect(created.history).toEqual([
      expect.objectContaining({
        from: null,
        to: "OPEN",
        reason: "Raised",
        meetingId: null,
        actor: expect.objectContaining({ email: expect.stringMatching(/^admin-/) }),
      }),
    ]);
    expect(await counts()).toMatchObject({
      grievances: before.grievances + 1,
      history: before.history + 1,
      links: before.links + 2,
      citations: before.citations + 1,
    });

    const read = await readRoute(getRequest(`/api/v1/grievances/${created.id}`), params({ id: created.id }));
    expect(read.status).toBe(200);
    expect(await readJson(read)).toEqual(created);
  });

  const valid = { title: "A grievance", category: "OTHER", raisedBy: ["russia"], addressedTo: ["united-states"] };

  it.each([
    ["an empty title", { ...valid, title: "   " }, "title"],
    ["a missing title", { ...valid, title: undefined }, "title"],
    ["an unknown category", { ...valid, category: "WEATHER" }, "category"],
    ["an unknown party slug", { ...valid, raisedBy: ["atlantis"] }, "raisedBy.0"],
    ["an unknown party among known ones", { ...valid, addressedTo: ["united-states", "atlantis"] }, "addressedTo.1"],
    ["no party raising it", { ...valid, raisedBy: [] }, "raisedBy"],
    ["an unknown field", { ...valid, status: "RESOLVED" }, "status"],
    ["a citation without a quote", { ...valid, citations: [{ quote: "", source: "x" }] }, "citations.0.quote"],
    ["an array instead of an object", [valid], ""],
  ])("refuses %s with 400 naming the field, and writes nothing", async (_what, body, path) => {
    const before = await counts();
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", body), noParams);
    await expectError(response, 400, "VALIDATION_FAILED", path);
    expect(await counts()).toEqual(before);
  });

  it("names the unknown party in the message", async () => {
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/grievances", { ...valid, raisedBy: ["atlantis"] }),
      noParams,
    );
    const body = await expectError(response, 400, "VALIDATION_FAILED", "raisedBy.0");
    expect(body.error.issues).toEqual([{ path: "raisedBy.0", message: 'Unknown party "atlantis"' }]);
  });

  it('refuses malformed JSON with 400 on the body (path "") and writes nothing', async () => {
    const before = await counts();
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", '{"title": "x",'), noParams);
    const body = await expectError(response, 400, "VALIDATION_FAILED", "");
    expect(body.error.message).toMatch(/^Malformed JSON: /);
    expect(body.error.issues).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });

  it("refuses an empty body as malformed JSON", async () => {
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", ""), noParams);
    const body = await expectError(response, 400, "VALIDATION_FAILED", "");
    expect(body.error.message).toBe("Malformed JSON: the body is empty");
  });

  it.each([
    ["no content type", {}],
    ["a form content type", { "Content-Type": "application/x-www-form-urlencoded" }],
    ["text/plain", { "Content-Type": "text/plain" }],
  ])("refuses %s with 415 and writes nothing", async (_what, headers) => {
    const before = await counts();
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", valid, headers), noParams);
    await expectError(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    expect(await counts()).toEqual(before);
  });

  it("accepts a JSON content type with a charset", async () => {
    const response = await createRoute(
      jsonRequest("POST", "/api/v1/grievances", valid, { "Content-Type": "application/json; charset=utf-8" }),
      noParams,
    );
    expect(response.status).toBe(201);
  });

  it("refuses a body over the cap with 413 naming the limit, and writes nothing", async () => {
    const before = await counts();
    const huge = { ...valid, description: "x".repeat(LIMITS.bodyBytes) };
    const response = await createRoute(jsonRequest("POST", "/api/v1/grievances", huge), noParams);
    const body = await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(body.error.message).toContain(String(LIMITS.bodyBytes));
    expect(await counts()).toEqual(before);
  });

  it("counts the bytes it reads rather than trusting Content-Length", async () => {
    const before = await counts();
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    let sent = 0;
    // A streamed body has no length to check up front: only counting can stop it.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > LIMITS.bodyBytes * 4) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/v1/grievances", {
      method: "POST",
      headers: { ...authHeader(), "Content-Type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const response = await createRoute(request, noParams);
    await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(sent).toBeLessThan(LIMITS.bodyBytes * 2);
    expect(await counts()).toEqual(before);
  });

  it("refuses a body that claims to be larger than the cap before reading it", async () => {
    const request = new Request("http://localhost/api/v1/grievances", {
      method: "POST",
      headers: { ...authHeader(), "Content-Type": "application/json", "Content-Length": String(LIMITS.bodyBytes + 1) },
      body: JSON.stringify(valid),
    });
    await expectError(await createRoute(request, noParams), 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("GET /api/v1/grievances/{id}", () => {
  it("answers the detail with citations, agenda and history", async () => {
    const page = await list("?q=banking");
    const id = page.items[0]!.id;
    const response = await readRoute(getRequest(`/api/v1/grievances/${id}`), params({ id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const detail = GrievanceDetailSchema.parse(await readJson(response));
    expect(detail.status).toBe("PARTIALLY_RESOLVED");
    expect(detail.agenda.length).toBeGreaterThan(0);
    expect(detail.citations.length).toBeGreaterThan(0);
    expect(detail.history.map((h) => h.to)).toEqual(["OPEN", "PARTIALLY_RESOLVED"]);
    for (const entry of detail.history) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(["from", "to", "reason", "meetingId", "source", "actor", "at"]),
      );
    }
  });

  it.each([
    ["an unknown id", "cm0000000000000000000000"],
    ["a malformed id", "not an id!"],
    ["an overlong id", "a".repeat(65)],
  ])("answers 404 for %s", async (_what, id) => {
    const response = await readRoute(getRequest(`/api/v1/grievances/${encodeURIComponent(id)}`), params({ id }));
    await expectError(response, 404, "NOT_FOUND");
  });
});

describe("PATCH /api/v1/grievances/{id}", () => {
  it("changes the status: a history row, the version bumped, and the meeting named", async () => {
    // Raised before the round, so its move at the round follows the raising in the timeline.
    const g = await makeGrievance({ raisedBy: ["russia"], addressedTo: ["united-states"], raisedAt: "2025-01-15" });
    const meeting = await makeMeeting();
    const before = await counts();
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, {
        version: 1,
        status: "IN_NEGOTIATION",
        reason: "Both sides agreed to talk about it",
        meetingId: meeting.id,
        sourceUrl: "https://example.org/readout",
      }),
      params({ id: g.id }),
    );
    expect(response.status).toBe(200);
    const updated = GrievanceDetailSchema.parse(await readJson(response));
    expect(updated).toMatchObject({ status: "IN_NEGOTIATION", version: 2 });
    expect(updated.history).toHaveLength(2);
    expect(updated.history[1]).toMatchObject({
      from: "OPEN",
      to: "IN_NEGOTIATION",
      reason: "Both sides agreed to talk about it",
      meetingId: meeting.id,
      source: { url: "https://example.org/readout" },
    });
    expect((await counts()).history).toBe(before.history + 1);

    const history = await historyRoute(getRequest(`/api/v1/grievances/${g.id}/history`), params({ id: g.id }));
    expect(history.status).toBe(200);
    const timeline = HistoryListSchema.parse(await readJson(history));
    expect(timeline.nextCursor).toBeNull();
    expect(timeline.items.map((h) => [h.from, h.to])).toEqual([
      [null, "OPEN"],
      ["OPEN", "IN_NEGOTIATION"],
    ]);
  });

  it("records who moved it: the actor in the history entry, the timeline and the revision of the fields", async () => {
    const analyst = await createUser(SYSTEM, {
      email: "mover@example.org",
      name: "Mira Mover",
      role: "analyst",
      password: "a long test password",
    });
    const { token } = await createApiToken(SYSTEM, analyst.id, { name: "actor test" });
    const asAnalyst = { "Content-Type": "application/json", Authorization: `Bearer ${token}` };
    const g = await makeGrievance();
    const mover = { name: "Mira Mover", email: "mover@example.org" };

    // A move with a field edit: its history row and the revision of the field both name her.
    const moved = await patchRoute(
      jsonRequest(
        "PATCH",
        `/api/v1/grievances/${g.id}`,
        { version: 1, status: "STALLED", reason: "No reply", description: "Stalled since May" },
        asAnalyst,
      ),
      params({ id: g.id }),
    );
    expect(moved.status).toBe(200);
    const detail = GrievanceDetailSchema.parse(await readJson(moved));
    expect(detail.history.at(-1)).toMatchObject({ from: "OPEN", to: "STALLED", actor: mover });

    // The next move, by the default identity (an admin's token), names the admin, not her.
    const again = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, { version: 2, status: "OPEN", reason: "Reply came" }),
      params({ id: g.id }),
    );
    expect(again.status).toBe(200);

    const timeline = HistoryListSchema.parse(
      await readJson(await historyRoute(getRequest(`/api/v1/grievances/${g.id}/history`), params({ id: g.id }))),
    );
    expect(timeline.items.map((h) => [h.to, h.actor?.email ?? null])).toEqual([
      ["OPEN", null], // raised by the factory, as the system
      ["STALLED", "mover@example.org"],
      ["OPEN", expect.stringMatching(/^admin-/)],
    ]);
    expect(timeline.items[1]!.actor).toEqual(mover);

    const revisions = RevisionListSchema.parse(
      await readJson(await revisionsRoute(getRequest(`/api/v1/grievances/${g.id}/revisions`), params({ id: g.id }))),
    );
    // A pure status move writes no revision (it has its own timeline): only the edit is there.
    expect(revisions.items.map((r) => [r.action, r.actor])).toEqual([
      ["create", null],
      ["edit", mover],
    ]);
    expect(revisions.items[1]!.changes).toEqual([{ field: "description", before: "", after: "Stalled since May" }]);
  });

  it("edits fields without a status change: version bumped, no history row", async () => {
    const g = await makeGrievance();
    const before = await counts();
    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, { version: 1, title: "Renamed", addressedTo: ["turkiye"] }),
      params({ id: g.id }),
    );
    expect(response.status).toBe(200);
    const updated = await readJson(response);
    expect(updated).toMatchObject({ title: "Renamed", version: 2, addressedTo: [{ slug: "turkiye" }] });
    expect((await counts()).history).toBe(before.history);
  });

  it("refuses a stale version with 409 carrying the current record, and changes nothing", async () => {
    const g = await makeGrievance();
    const first = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, { version: 1, status: "STALLED", reason: "No progress" }),
      params({ id: g.id }),
    );
    expect(first.status).toBe(200);
    const before = await counts();

    const response = await patchRoute(
      jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, {
        version: 1,
        status: "RESOLVED",
        reason: "Settled",
        title: "Mine",
      }),
      params({ id: g.id }),
    );
    const body = await expectError(response, 409, "CONFLICT");
    const current = GrievanceDetailSchema.parse(body.error.current);
    expect(current).toMatchObject({ id: g.id, status: "STALLED", version: 2, title: g.title });
    expect(await counts()).toEqual(before);

    const read = await readJson(await readRoute(getRequest(`/api/v1/grievances/${g.id}`), params({ id: g.id })));
    expect(read).toMatchObject({ status: "STALLED", version: 2, title: g.title });
  });

  it.each([
    ["an unknown status", { version: 1, status: "SETTLED", reason: "x" }, "status"],
    ["a status without a reason", { version: 1, status: "STALLED" }, "reason"],
    ["no version", { title: "x" }, "version"],
    ["an empty title", { version: 1, title: "" }, "title"],
    ["an unknown party slug", { version: 1, raisedBy: ["atlantis"] }, "raisedBy.0"],
    ["an unknown meeting", { version: 1, status: "STALLED", reason: "x", meetingId: "nope" }, "meetingId"],
    ["the status it already has", { version: 1, status: "OPEN", reason: "x" }, "status"],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_what, body, path) => {
    const g = await makeGrievance();
    const before = await counts();
    const response = await patchRoute(jsonRequest("PATCH", `/api/v1/grievances/${g.id}`, body), params({ id: g.id }));
    await expectError(response, 400, "VALIDATION_FAILED", path);
    expect(await counts()).toEqual(before);
    const read = await readJson(await readRoute(getRequest(`/api/v1/grievances/${g.id}`), params({ id: g.id })));
    expect(read).toMatchObject({ version: 1, status: "OPEN", title: g.title });
  });

  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of ["cm0000000000000000000000", "../etc"]) {
      const response = await patchRoute(
        jsonRequest("PATCH", `/api/v1/grievances/x`, { version: 1, title: "x" }),
        params({ id }),
      );
      await expectError(response, 404, "NOT_FOUND");
    }
  });

  it("checks the id before the body: a malformed id is 404 even with a bad body", async () => {
    const response = await patchRoute(
      jsonRequest("PATCH", "/api/v1/grievances/x", "{not json"),
      params({ id: "not an id!" }),
    );
    await expectError(response, 404, "NOT_FOUND");
  });
});

describe("GET /api/v1/grievances/{id}/history", () => {
  it("answers 404 for an unknown or malformed id", async () => {
    for (const id of ["cm0000000000000000000000", "bad id"]) {
      const response = await historyRoute(getRequest(`/api/v1/grievances/x/history`), params({ id }));
      await expectError(response, 404, "NOT_FOUND");
    }
  });
});
