import { beforeAll, describe, expect, it } from "vitest";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET, POST } from "@/app/api/v1/search/route";
import { SearchResultSchema, type SearchResult } from "@/lib/schemas/search";
import { expectNothingChanged } from "../support/fingerprint";
import { seedDatabase } from "../support/factories";
import { expectError, getRequest, jsonRequest, noParams, readJson, tokenFor } from "./support";

// GET /api/v1/search over the seed: the grouped answer, and its refusals.

let viewer = "";
beforeAll(async () => {
  await seedDatabase();
  viewer = `Bearer ${await tokenFor("viewer")}`;
});

const get = (query: string, authorization?: string) =>
  GET(getRequest(`/api/v1/search${query}`, authorization ? { Authorization: authorization } : {}), noParams);

async function search(query: string, authorization = viewer): Promise<SearchResult> {
  const response = await get(query, authorization);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return SearchResultSchema.parse(await readJson(response));
}

describe("GET /api/v1/search", () => {
  it("answers every kind, in order, each with its count and first matches", async () => {
    const result = await search(`?q=${encodeURIComponent("İSTANBUL")}`);
    expect(result.q).toBe("İSTANBUL");
    expect(result.terms).toEqual(["istanbul"]);
    expect(result.groups.map((g) => [g.kind, g.count])).toEqual([
      ["grievances", 0],
      ["meetings", 2],
      ["parties", 0],
      ["venues", 2],
      ["sources", 1],
    ]);
    expect(result.total).toBe(5);
    const meetings = result.groups[1]!.items;
    expect(meetings.map((m) => m.title)).toEqual(["Istanbul talks, 2nd round", "Istanbul talks, 1st round"]);
    for (const hit of meetings) expect(hit.href).toBe(`/meetings/${hit.key}`);
    const venues = result.groups[3]!.items;
    for (const hit of venues) expect(hit.href).toBe(`/venues/${hit.key}`);
    expect(venues.map((v) => v.detail)).toEqual(["Istanbul, Türkiye", "Istanbul, Türkiye"]);
  });

  it("turkiye finds the party, by the name as written", async () => {
    const result = await search("?q=turkiye&kind=parties");
    expect(result.groups).toEqual([
      {
        kind: "parties",
        count: 1,
        items: [expect.objectContaining({ title: "Türkiye", key: "turkiye", href: "/parties/turkiye" })],
      },
    ]);
  });

  it("lists `limit` of each kind, counting all", async () => {
    const result = await search("?q=istanbul&limit=1");
    const meetings = result.groups.find((g) => g.kind === "meetings")!;
    expect([meetings.count, meetings.items.length]).toEqual([2, 1]);
  });

  it("needs a user or a token (401)", async () => {
    const response = await GET(
      new Request("http://localhost/api/v1/search?q=istanbul", { headers: { Authorization: "Bearer nope" } }),
      noParams,
    );
    await expectError(response, 401, "UNAUTHENTICATED");
  });

  it.each([
    ["", "q"],
    ["?q=", "q"],
    ["?q=%20%20", "q"],
    ["?q=%25", "q"],
    [`?q=${"x".repeat(201)}`, "q"],
    ["?q=istanbul&limit=101", "limit"],
    ["?q=istanbul&kind=users", "kind"],
    ["?q=istanbul&page=2", "page"],
  ])("%s is a 400 naming %s", async (query, path) => {
    await expectError(await get(query, viewer), 400, "VALIDATION_FAILED", path);
  });

  it("deleted=1 is for admins: a viewer gets 403, an admin the deleted records (none in the seed)", async () => {
    await expectError(await get("?q=istanbul&deleted=1", viewer), 403, "FORBIDDEN");
    const response = await get("?q=istanbul&deleted=1");
    expect(response.status).toBe(200);
    const result = SearchResultSchema.parse(await readJson(response));
    expect(result.total).toBe(0);
  });

  it("is a read: any other method is a 405 and changes nothing", async () => {
    const response = await expectNothingChanged(() =>
      POST(jsonRequest("POST", "/api/v1/search?q=istanbul", {}), noParams),
    );
    await expectError(response, 405, "METHOD_NOT_ALLOWED");
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("is in the OpenAPI document, with q required", async () => {
    const doc = await readJson(await openApiRoute(getRequest("/api/v1/openapi.json"), noParams));
    const operation = doc.paths["/api/v1/search"].get;
    const q = operation.parameters.find((p: { name: string }) => p.name === "q");
    expect(q).toMatchObject({ in: "query", required: true });
    expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(["deleted", "kind", "limit", "q"]);
    expect(operation.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
  });
});
