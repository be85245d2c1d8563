import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as grievancesRoute } from "@/app/api/v1/grievances/route";
import { GET as historyRoute } from "@/app/api/v1/grievances/[id]/history/route";
import { GET as meetingsRoute } from "@/app/api/v1/meetings/route";
import { GET as partiesRoute } from "@/app/api/v1/parties/route";
import { GET as venuesRoute } from "@/app/api/v1/venues/route";
import { csvRowToGrievance, GRIEVANCE_CSV_COLUMNS } from "@/lib/csv/grievance-columns";
import { SYSTEM } from "@/lib/server/authz";
import { exportGrievances, exportPaged } from "@/lib/server/export";
import { deleteGrievance, listGrievances, updateGrievance } from "@/lib/server/grievances";
import { makeGrievance, makeMeeting, makeParty, makeVenue } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";
import { expectError, getRequest, noParams, params, readJson, tokenFor } from "./support";

// Export of a list (issue 11): the download is exactly the rows the list shows under the same
// filters, every page of them, as CSV (read back with csv-parse) and as one JSON array; the same
// permissions as the list, deleted rows for admins only.

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function download(route: Handler, path: string, headers: Record<string, string> = {}, context = noParams) {
  const response = await route(getRequest(path, headers), context as never);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.-]+\.(csv|json)"$/);
  return response;
}

/** The CSV's records as objects by header, after checking the file is UTF-8 with a BOM. */
async function csvRecords(response: Response): Promise<Array<Record<string, string>>> {
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(new TextDecoder().decode(bytes), { bom: true, columns: true }) as Array<Record<string, string>>;
}

async function jsonItems<T = Record<string, unknown>>(response: Response): Promise<T[]> {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return (await response.json()) as T[];
}

/** Every page of the ordinary list, read as a client pages it (small pages, to cross several). */
async function allPages(query: string, token?: string) {
  const items: Array<Record<string, unknown> & { id: string }> = [];
  let cursor: string | null = null;
  do {
    const path = `/api/v1/grievances?${query}&limit=5${cursor ? `&cursor=${cursor}` : ""}`;
    const response = await grievancesRoute(
      getRequest(path, token ? { Authorization: `Bearer ${token}` } : {}),
      noParams,
    );
    expect(response.status).toBe(200);
    const page = await readJson<{ items: typeof items; nextCursor: string | null }>(response);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

let raiser: string;
let other: string;
let deletedId: string;
const FILTER = () => `party=${raiser}&role=raised&category=VISAS,BANKING&sort=title`;

beforeAll(async () => {
  raiser = (await makeParty({ name: "Экспорт, Türkiye" })).slug;
  other = (await makeParty({ name: "Addressee" })).slug;
  const titles = [
    '=HYPERLINK("http://evil.example")',
    "Визы задерживаются в Москве",
    'A "quoted", comma title',
    "+ plus first",
    "@mention first",
    "-dash first",
  ];
  for (let i = 0; i < 17; i++) {
    await makeGrievance({
      title: titles[i] ?? `Export grievance ${String(i).padStart(2, "0")}`,
      description: i % 3 === 0 ? "Line one\nline two, with a comma" : "",
      category: i % 2 ? "VISAS" : "BANKING",
      raisedBy: [raiser],
      addressedTo: [other],
    });
  }
  // Outside the filter: another category, and a grievance raised by someone else.
  await makeGrievance({ title: "Other category", category: "OTHER", raisedBy: [raiser], addressedTo: [other] });
  await makeGrievance({ title: "Raised elsewhere", category: "VISAS", raisedBy: [other], addressedTo: [raiser] });
  const gone = await makeGrievance({ title: "Deleted visa grievance", category: "VISAS", raisedBy: [raiser] });
  deletedId = gone.id;
  await deleteGrievance(SYSTEM, gone.id);
});

describe("grievance export", () => {
  it("as CSV (format=csv) holds every row of every page the filtered list shows, in its order", async () => {
    const shown = await allPages(FILTER());
    expect(shown.length).toBe(17);
    const records = await csvRecords(await download(grievancesRoute, `/api/v1/grievances?${FILTER()}&format=csv`));
    expect(Object.keys(records[0]!)).toEqual([...GRIEVANCE_CSV_COLUMNS]);
    expect(records.map((record) => record.id)).toEqual(shown.map((item) => item.id));
    // The cells are the list's values (the import's reader takes the formula guard off again).
    const read = records.map(csvRowToGrievance);
    expect(read.map((row) => row.title)).toEqual(shown.map((item) => item.title));
    expect(read.map((row) => row.description)).toEqual(shown.map((item) => item.description));
    expect(read.every((row) => row.raisedBy.join() === raiser && row.addressedTo.join() === other)).toBe(true);
    expect(records.map((record) => record.lastMovedAt)).toEqual(shown.map((item) => item.lastMovedAt));
    // …and a spreadsheet sees no formula.
    expect(records.find((record) => record.title?.includes("HYPERLINK"))!.title).toMatch(/^'=/);
  });

  it("as CSV by Accept: text/csv, the same file", async () => {
    const byParam = await (await download(grievancesRoute, `/api/v1/grievances?${FILTER()}&format=csv`)).text();
    const byAccept = await download(grievancesRoute, `/api/v1/grievances?${FILTER()}`, { Accept: "text/csv" });
    expect(await byAccept.text()).toBe(byParam);
  });

  it("as JSON (format=json) is the whole filtered set as one array of list items, not a page", async () => {
    const shown = await allPages(FILTER());
    const response = await download(grievancesRoute, `/api/v1/grievances?${FILTER()}&format=json&limit=2`);
    expect(response.headers.get("x-total-count")).toBe("17");
    expect(await jsonItems(response)).toEqual(shown);
  });

  it("leaves the ordinary paged JSON the default", async () => {
    const response = await grievancesRoute(getRequest(`/api/v1/grievances?${FILTER()}&limit=5`), noParams);
    const page = await readJson<{ items: unknown[]; nextCursor: string | null; total: number }>(response);
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(17);
    expect(response.headers.get("content-disposition")).toBeNull();
  });

  it("refuses a format that is neither csv nor json with a 400 naming format", async () => {
    await expectError(
      await expectNothingChanged(() => grievancesRoute(getRequest(`/api/v1/grievances?format=xlsx`), noParams)),
      400,
      "VALIDATION_FAILED",
      "format",
    );
  });

  it("refuses a bad filter before anything is sent, as the list does: a 400 naming it", async () => {
    await expectError(
      await grievancesRoute(getRequest(`/api/v1/grievances?status=NOPE&format=csv`), noParams),
      400,
      "VALIDATION_FAILED",
      "status.0",
    );
  });

  it("is a 401 without a session or token", async () => {
    const response = await grievancesRoute(new Request(`http://localhost/api/v1/grievances?format=csv`), noParams);
    await expectError(response, 401, "UNAUTHENTICATED");
  });

  it("hides deleted rows from an analyst, who is refused the deleted list; an admin's deleted=1 is the deleted rows only", async () => {
    const analyst = { Authorization: `Bearer ${await tokenFor("analyst")}` };
    const live = await jsonItems<{ id: string }>(
      await download(grievancesRoute, `/api/v1/grievances?party=${raiser}&format=json`, analyst),
    );
    expect(live.map((item) => item.id)).not.toContain(deletedId);
    expect(live).toHaveLength(19);
    await expectError(
      await grievancesRoute(getRequest(`/api/v1/grievances?deleted=1&format=csv`, analyst), noParams),
      403,
      "FORBIDDEN",
    );
    const deleted = await csvRecords(
      await download(grievancesRoute, `/api/v1/grievances?party=${raiser}&deleted=1&format=csv`),
    );
    expect(deleted.map((record) => record.id)).toEqual([deletedId]);
  });

  it("is open to a viewer, as the list is", async () => {
    const viewer = { Authorization: `Bearer ${await tokenFor("viewer")}` };
    const records = await csvRecords(
      await download(grievancesRoute, `/api/v1/grievances?${FILTER()}&format=csv`, viewer),
    );
    expect(records).toHaveLength(17);
  });
});

describe("export reads in pages", () => {
  it("reads the list page by page with its cursor: ceil(N / page size) reads for N rows, all of them once", async () => {
    let reads = 0;
    const counted: typeof listGrievances = (actor, input) => {
      reads++;
      return listGrievances(actor, input);
    };
    const { rows, total } = await exportPaged(counted, SYSTEM, { party: raiser, sort: "title" }, { pageSize: 4 });
    // Only the first page is read before the rows are asked for.
    expect(reads).toBe(1);
    const ids: string[] = [];
    for await (const row of rows) ids.push(row.id);
    expect(total).toBe(19);
    expect(reads).toBe(Math.ceil(19 / 4));
    expect(new Set(ids).size).toBe(19);
    expect(ids).toEqual((await allPages(`party=${raiser}&sort=title`)).map((item) => item.id));
  });

  it("ignores a page's cursor and size in the query: the export is the whole list", async () => {
    const exported = await exportGrievances(SYSTEM, { party: raiser, cursor: "5", limit: 2 });
    const ids: string[] = [];
    for await (const row of exported.rows) ids.push(row.id);
    expect(ids).toHaveLength(19);
  });
});

describe("the other lists", () => {
  let meetingId: string;
  let venue: string;
  let grievanceId: string;

  beforeAll(async () => {
    venue = (await makeVenue({ name: "Çırağan", city: "İstanbul", country: "Türkiye" })).slug;
    for (let i = 0; i < 3; i++) {
      const meeting = await makeMeeting({
        venue,
        date: `2025-0${i + 3}-01`,
        participants: [{ party: raiser, role: "DELEGATION" }],
      });
      meetingId = meeting.id;
    }
    const grievance = await makeGrievance({ title: "With a history", raisedBy: [raiser] });
    grievanceId = grievance.id;
    await updateGrievance(SYSTEM, grievance.id, {
      version: grievance.version,
      status: "IN_NEGOTIATION",
      reason: "=cmd discussed, at length",
      meetingId,
    });
  });

  it("meetings: the filtered list, as CSV and JSON", async () => {
    const query = `venue=${venue}`;
    const list = await readJson<{ items: Array<{ id: string }> }>(
      await meetingsRoute(getRequest(`/api/v1/meetings?${query}`), noParams),
    );
    expect(list.items).toHaveLength(3);
    const records = await csvRecords(await download(meetingsRoute, `/api/v1/meetings?${query}&format=csv`));
    expect(records.map((record) => record.id)).toEqual(list.items.map((item) => item.id));
    expect(records[0]!.venue).toBe(venue);
    expect(records[0]!.participants).toBe(raiser);
    expect(await jsonItems(await download(meetingsRoute, `/api/v1/meetings?${query}&format=json`))).toEqual(list.items);
  });

  it("parties and venues: the whole list, Cyrillic and Turkish names intact", async () => {
    const parties = await readJson<{ items: Array<{ slug: string }> }>(
      await partiesRoute(getRequest(`/api/v1/parties`), noParams),
    );
    const partyRows = await csvRecords(await download(partiesRoute, `/api/v1/parties`, { Accept: "text/csv" }));
    expect(partyRows.map((row) => row.slug)).toEqual(parties.items.map((item) => item.slug));
    expect(partyRows.find((row) => row.slug === raiser)!.name).toBe("Экспорт, Türkiye");
    const venues = await jsonItems<{ slug: string; city: string }>(
      await download(venuesRoute, `/api/v1/venues?format=json`),
    );
    expect(venues.find((row) => row.slug === venue)!.city).toBe("İstanbul");
    await expectError(
      await venuesRoute(getRequest(`/api/v1/venues?format=pdf`), noParams),
      400,
      "VALIDATION_FAILED",
      "format",
    );
  });

  it("a grievance's history: its timeline, oldest first, with the reason's formula neutralised", async () => {
    const context = params({ id: grievanceId });
    const timeline = await readJson<{ items: Array<{ id: string; reason: string }> }>(
      await historyRoute(getRequest(`/api/v1/grievances/${grievanceId}/history`), context),
    );
    const records = await csvRecords(
      await download(
        historyRoute as Handler,
        `/api/v1/grievances/${grievanceId}/history?format=csv`,
        {},
        context as never,
      ),
    );
    expect(records.map((record) => record.id)).toEqual(timeline.items.map((item) => item.id));
    expect(records[1]!.reason).toBe("'=cmd discussed, at length");
    expect(records[1]!.to).toBe("IN_NEGOTIATION");
    await expectError(
      await historyRoute(getRequest(`/api/v1/grievances/nope/history?format=csv`), params({ id: "nope" })),
      404,
      "NOT_FOUND",
    );
  });
});

describe("the OpenAPI document", () => {
  it("offers format=csv|json and a text/csv answer on every list read", async () => {
    const { openApiDocument } = await import("@/lib/openapi");
    const doc = openApiDocument(SYSTEM) as any;
    for (const path of [
      "/api/v1/grievances",
      "/api/v1/meetings",
      "/api/v1/parties",
      "/api/v1/venues",
      "/api/v1/grievances/{id}/history",
    ]) {
      const get = doc.paths[path].get;
      const format = get.parameters.find((parameter: any) => parameter.name === "format");
      expect(format?.schema.enum, path).toEqual(["csv", "json"]);
      expect(Object.keys(get.responses["200"].content), path).toEqual(["application/json", "text/csv"]);
    }
  });
});
