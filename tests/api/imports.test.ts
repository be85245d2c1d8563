import { beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/imports/grievances/route";
import { LIMITS } from "@/lib/schemas/common";
import { GrievanceImportReportSchema, GrievanceImportResultSchema } from "@/lib/schemas/import";
import { SYSTEM } from "@/lib/server/authz";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { makeParty } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";
import { authHeader, expectError, noParams, readJson, tokenFor } from "./support";

const PATH = "/api/v1/imports/grievances";

function csvRequest(
  body: string | Uint8Array<ArrayBuffer>,
  { query = "", headers = {} as Record<string, string> } = {},
): Request {
  return new Request(`http://localhost${PATH}${query}`, {
    method: "POST",
    headers: { ...authHeader(), "Content-Type": "text/csv", ...headers },
    body,
  });
}

let file: string;

const anonymousRequest = () =>
  new Request(`http://localhost${PATH}`, { method: "POST", headers: { "Content-Type": "text/csv" }, body: file });

beforeAll(async () => {
  const a = await makeParty({ name: "Russia", slug: "ru" });
  const b = await makeParty({ name: "United States", slug: "us" });
  file = `\uFEFFtitle,category,raisedBy,addressedTo\r\nVisas via the API,VISAS,${a.slug},${b.name}\r\n`;
  // The first request without a token makes the app's session secret (an AppSecret row), once per
  // database: made here, so the refused calls below are checked for what they would have written.
  await importRoute(anonymousRequest(), noParams);
});

describe("POST /api/v1/imports/grievances", () => {
  it("answers the dry run's report with 200 and writes nothing", async () => {
    const response = await expectNothingChanged(() => importRoute(csvRequest(file, { query: "?dryRun=1" }), noParams));
    expect(response.status).toBe(200);
    const report = GrievanceImportReportSchema.parse(await readJson(response));
    expect(report).toMatchObject({
      willCreate: 1,
      errors: [],
      rows: [{ row: 2, title: "Visas via the API", raisedBy: [{ slug: "ru" }], addressedTo: [{ slug: "us" }] }],
    });
  });

  it("reports a row's error by row and column in the dry run", async () => {
    const bad = "title,category,raisedBy,addressedTo\nx,VISAS,ru,narnia\n";
    const response = await importRoute(csvRequest(bad, { query: "?dryRun=1" }), noParams);
    const report = GrievanceImportReportSchema.parse(await readJson(response));
    expect(report.errors).toEqual([{ row: 2, column: "addressedTo", message: 'Unknown party "narnia"' }]);
    expect(report.unknownParties).toEqual(["narnia"]);
  });

  it("applies with 201 and the ids of what it created", async () => {
    const response = await importRoute(csvRequest(file), noParams);
    expect(response.status).toBe(201);
    const { created, ids } = GrievanceImportResultSchema.parse(await readJson(response));
    expect(created).toBe(1);
    expect(await getGrievanceOrThrow(SYSTEM, ids[0]!)).toMatchObject({ title: "Visas via the API", category: "VISAS" });
  });

  it("refuses a file with an error with a 400 that names the row and column, and writes nothing", async () => {
    const bad = `${file}Second,WEATHER,ru,us\r\n`;
    const response = await expectNothingChanged(() => importRoute(csvRequest(bad), noParams));
    const body = await expectError(response, 400, "VALIDATION_FAILED", "rows.3.category");
    expect(body.error.message).toContain("Nothing was imported");
    expect(body.error.message).toContain("row 3, category");
  });

  it("refuses a body that is not CSV, not UTF-8, or not text/csv", async () => {
    const unclosed = await importRoute(csvRequest('title,category,raisedBy,addressedTo\n"x,VISAS,ru,us\n'), noParams);
    expect((await expectError(unclosed, 400, "VALIDATION_FAILED", "file")).error.message).toContain("not valid CSV");
    const latin1 = await importRoute(csvRequest(new Uint8Array([0x74, 0xe9, 0x0a])), noParams);
    expect((await expectError(latin1, 400, "VALIDATION_FAILED", "file")).error.message).toContain("UTF-8");
    const json = await importRoute(csvRequest(file, { headers: { "Content-Type": "application/json" } }), noParams);
    expect((await expectError(json, 415, "UNSUPPORTED_MEDIA_TYPE")).error.message).toContain("text/csv");
    const query = await importRoute(csvRequest(file, { query: "?dryRun=yes" }), noParams);
    await expectError(query, 400, "VALIDATION_FAILED", "dryRun");
  });

  it("refuses a body over the byte limit with 413, saying the limit", async () => {
    const big = `${file}${"x".repeat(LIMITS.importBytes)}`;
    const response = await expectNothingChanged(() => importRoute(csvRequest(big), noParams));
    const body = await expectError(response, 413, "PAYLOAD_TOO_LARGE");
    expect(body.error.message).toContain(`${LIMITS.importBytes} bytes (1 MB)`);
  });

  it("is 401 without a token and 403 for a viewer, and nothing changes", async () => {
    await expectError(
      await expectNothingChanged(() => importRoute(anonymousRequest(), noParams)),
      401,
      "UNAUTHENTICATED",
    );
    const viewer = { Authorization: `Bearer ${await tokenFor("viewer")}` };
    for (const query of ["", "?dryRun=1"]) {
      const response = await expectNothingChanged(() =>
        importRoute(csvRequest(file, { query, headers: viewer }), noParams),
      );
      await expectError(response, 403, "FORBIDDEN");
    }
  });

  it("takes an analyst's token", async () => {
    const analyst = { Authorization: `Bearer ${await tokenFor("analyst")}` };
    const response = await importRoute(csvRequest(file, { query: "?dryRun=1", headers: analyst }), noParams);
    expect(response.status).toBe(200);
  });
});
