import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/grievances/bulk-status/route";
import { GET as getGrievance } from "@/app/api/v1/grievances/[id]/route";
import { BulkStatusRefusalSchema, BulkStatusReportSchema } from "@/lib/schemas/bulk-status";
import { SYSTEM } from "@/lib/server/authz";
import { updateGrievance } from "@/lib/server/grievances";
import { expectNothingChanged } from "../support/fingerprint";
import { makeGrievance } from "../support/factories";
import { expectError, getRequest, jsonRequest, noParams, params, readJson, tokenFor } from "./support";

// POST /api/v1/grievances/bulk-status over the real route handler.

const PATH = "/api/v1/grievances/bulk-status";
const post = (body: unknown, headers?: Record<string, string>) =>
  POST(jsonRequest("POST", PATH, body, headers ?? { "Content-Type": "application/json" }), noParams);

async function two() {
  const a = await makeGrievance({ title: "Bulk A" });
  const b = await makeGrievance({ title: "Bulk B" });
  return {
    a,
    b,
    body: {
      ids: [a.id, b.id],
      status: "STALLED",
      reason: "No reply",
      versions: { [a.id]: a.version, [b.id]: b.version },
    },
  };
}

describe("POST /api/v1/grievances/bulk-status", () => {
  it("moves every grievance and answers the report", async () => {
    const { a, b, body } = await two();
    const response = await post(body);
    expect(response.status).toBe(200);
    const report = BulkStatusReportSchema.parse(await readJson(response));
    expect(report).toMatchObject({ applied: true, moved: 2 });
    expect(report.items.map((row) => [row.id, row.result, row.version])).toEqual([
      [a.id, "moved", a.version + 1],
      [b.id, "moved", b.version + 1],
    ]);
    const read = await readJson(await getGrievance(getRequest(`/api/v1/grievances/${b.id}`), params({ id: b.id })));
    expect(read).toMatchObject({ status: "STALLED", version: b.version + 1 });
  });

  it("is a 409 with the report when one grievance is stale, and applies nothing", async () => {
    const { b, body } = await two();
    await updateGrievance(SYSTEM, b.id, { version: b.version, status: "RESOLVED", reason: "Meanwhile" });
    const response = await expectNothingChanged(() => post(body));
    const error = await expectError(response, 409, "CONFLICT", `versions.${b.id}`);
    const refusal = BulkStatusRefusalSchema.parse(error);
    expect(refusal.error.current.items.map((row) => row.result)).toEqual(["ready", "stale"]);
    expect(refusal.error.current.items[1]).toMatchObject({ status: "RESOLVED", seenVersion: b.version });
  });

  it("is a 400 with the report when a rule refuses one", async () => {
    const { a, b, body } = await two();
    const moved = await updateGrievance(SYSTEM, a.id, { version: a.version, status: "STALLED", reason: "Already" });
    const response = await expectNothingChanged(() =>
      post({ ...body, versions: { [a.id]: moved.version, [b.id]: b.version } }),
    );
    // Not expectError: its strict error shape has no `current`, which this 400 carries (the report).
    expect(response.status).toBe(400);
    const error = BulkStatusRefusalSchema.parse(await readJson(response));
    expect(error.error.code).toBe("VALIDATION_FAILED");
    expect(error.error.issues.map((issue) => issue.path)).toEqual(["status"]);
    expect(error.error.current.items.map((row) => row.result)).toEqual(["refused", "ready"]);
  });

  it.each([
    ["status", { status: "SOMEWHERE" }],
    ["reason", { reason: "" }],
    ["ids", { ids: [] }],
    ["ids", { ids: undefined }],
    ["versions", { versions: undefined }],
    ["occurredAt", { occurredAt: "2999-01-01" }],
    ["sourceUrl", { sourceUrl: "ftp://x" }],
    ["filter.status.0", { ids: undefined, filter: { status: "NOPE" } }],
    ["filter.cursor", { ids: undefined, filter: { cursor: "5" } }],
    ["meetingId", { meetingId: "nosuchmeeting" }],
  ])("a bad %s is a 400 naming it, and changes nothing", async (path, change) => {
    const { body } = await two();
    const response = await expectNothingChanged(() => post({ ...body, ...change }));
    await expectError(response, 400, "VALIDATION_FAILED", path);
  });

  it("needs a signed-in analyst: 401 without a token, 403 for a viewer, with nothing changed", async () => {
    const { body } = await two();
    const viewer = await tokenFor("viewer");
    const anonymous = () =>
      POST(new Request(`http://localhost${PATH}`, { method: "POST", body: JSON.stringify(body) }), noParams);
    // The first session lookup of a fresh database writes the auth secret: not this route's doing.
    await anonymous();
    await expectNothingChanged(async () => {
      await expectError(await anonymous(), 401, "UNAUTHENTICATED");
      await expectError(
        await post(body, { "Content-Type": "application/json", Authorization: `Bearer ${viewer}` }),
        403,
        "FORBIDDEN",
      );
    });
  });

  it("answers a dry run with each grievance's version and writes nothing", async () => {
    const { a, b, body } = await two();
    const { versions: _seen, ...rest } = body;
    const response = await expectNothingChanged(() => post({ ...rest, dryRun: true }));
    const report = BulkStatusReportSchema.parse(await readJson(response));
    expect(report).toMatchObject({ applied: false, moved: 2 });
    expect(report.items.map((row) => [row.id, row.result, row.version])).toEqual([
      [a.id, "ready", a.version],
      [b.id, "ready", b.version],
    ]);
  });
});
