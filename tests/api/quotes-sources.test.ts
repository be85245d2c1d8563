import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as restoreCitationRoute } from "@/app/api/v1/citations/[id]/restore/route";
import { GET as citationRevisionsRoute } from "@/app/api/v1/citations/[id]/revisions/route";
import {
  DELETE as deleteCitationRoute,
  GET as readCitationRoute,
  PATCH as patchCitationRoute,
} from "@/app/api/v1/citations/[id]/route";
import { GET as readGrievanceRoute } from "@/app/api/v1/grievances/[id]/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { GET as sourceRevisionsRoute } from "@/app/api/v1/sources/[id]/revisions/route";
import { GET as readSourceRoute, PATCH as patchSourceRoute } from "@/app/api/v1/sources/[id]/route";
import { GrievanceDetailSchema } from "@/lib/schemas/grievance";
import { RevisionListSchema } from "@/lib/schemas/revision";
import {
  CitationConflictSchema,
  CitationDetailSchema,
  SourceConflictSchema,
  SourceDetailSchema,
} from "@/lib/schemas/source";
import { getDb } from "@/lib/server/db";
import { makeGrievance } from "../support/factories";
import { authHeader, expectError, getRequest, jsonRequest, noParams, params, readJson, tokenFor } from "./support";
import { fingerprint } from "../support/fingerprint";

// The quote and source routes (issue 8): each one lib/server call, the one error shape, the
// conflict body of the other versioned records, and every operation in the OpenAPI document; and
// the server actions of their forms, called as Next calls them (a public POST with a form body).

let actionHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => actionHeaders,
  cookies: async () => ({ get: () => undefined, set: () => undefined, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
const actions = await import("@/lib/actions/sources");

let viewer = "";
let analyst = "";
beforeAll(async () => {
  [viewer, analyst] = await Promise.all([tokenFor("viewer"), tokenFor("analyst")]);
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const asJson = (token?: string) => ({ "Content-Type": "application/json", ...(token ? bearer(token) : {}) });

let sequence = 0;
async function quoted() {
  const url = `https://example.org/api-report-${++sequence}`;
  const grievance = await makeGrievance({ citations: [{ quote: `Quote ${sequence}.`, source: url }] });
  return { grievance, citation: grievance.citations[0]!, url };
}

const id = (value: string) => params({ id: value });

describe("quotes", () => {
  it("reads, corrects, deletes and restores a quote; the grievance's detail follows", async () => {
    const { grievance, citation } = await quoted();
    const path = `/api/v1/citations/${citation.id}`;
    const read = await readCitationRoute(getRequest(path), id(citation.id));
    expect(read.status).toBe(200);
    expect(CitationDetailSchema.parse(await readJson(read))).toMatchObject({
      id: citation.id,
      version: 1,
      record: { kind: "grievance", id: grievance.id },
    });

    const patched = await patchCitationRoute(
      jsonRequest("PATCH", path, { version: 1, quote: "Corrected.", note: "Typo" }),
      id(citation.id),
    );
    expect(patched.status).toBe(200);
    expect(CitationDetailSchema.parse(await readJson(patched))).toMatchObject({ version: 2, quote: "Corrected." });

    const deleted = await deleteCitationRoute(jsonRequest("DELETE", path, ""), id(citation.id));
    expect(deleted.status).toBe(200);
    expect(CitationDetailSchema.parse(await readJson(deleted)).deletedAt).not.toBeNull();
    const detail = GrievanceDetailSchema.parse(
      await readJson(await readGrievanceRoute(getRequest(`/api/v1/grievances/${grievance.id}`), id(grievance.id))),
    );
    expect(detail.citations).toEqual([]);

    const restored = await restoreCitationRoute(jsonRequest("POST", `${path}/restore`, ""), id(citation.id));
    expect(restored.status).toBe(200);
    expect(CitationDetailSchema.parse(await readJson(restored)).deletedAt).toBeNull();

    const revisions = RevisionListSchema.parse(
      await readJson(await citationRevisionsRoute(getRequest(`${path}/revisions`), id(citation.id))),
    );
    expect(revisions.items.map((r) => r.action)).toEqual(["create", "edit", "delete", "restore"]);
    expect(revisions.items[1]).toMatchObject({
      note: "Typo",
      changes: [{ field: "quote", before: citation.quote, after: "Corrected." }],
    });
  });

  it("answers a stale version with 409 and the quote as it stands, and changes nothing", async () => {
    const { citation } = await quoted();
    const path = `/api/v1/citations/${citation.id}`;
    await patchCitationRoute(jsonRequest("PATCH", path, { version: 1, quote: "Second." }), id(citation.id));
    const before = await fingerprint();
    const body = await expectError(
      await patchCitationRoute(jsonRequest("PATCH", path, { version: 1, quote: "Third." }), id(citation.id)),
      409,
      "CONFLICT",
    );
    expect(CitationConflictSchema.parse(body).error.current).toMatchObject({ version: 2, quote: "Second." });
    expect(await fingerprint()).toEqual(before);
  });

  it("refuses a viewer's edit and an analyst's delete with 403, and changes nothing", async () => {
    const { citation } = await quoted();
    const path = `/api/v1/citations/${citation.id}`;
    const before = await fingerprint();
    await expectError(
      await patchCitationRoute(jsonRequest("PATCH", path, { version: 1, quote: "x" }, asJson(viewer)), id(citation.id)),
      403,
      "FORBIDDEN",
    );
    await expectError(
      await deleteCitationRoute(jsonRequest("DELETE", path, "", asJson(analyst)), id(citation.id)),
      403,
      "FORBIDDEN",
    );
    await expectError(
      await restoreCitationRoute(jsonRequest("POST", `${path}/restore`, "", asJson(analyst)), id(citation.id)),
      403,
      "FORBIDDEN",
    );
    expect(await fingerprint()).toEqual(before);
    // A viewer reads it and its revisions.
    expect((await readCitationRoute(getRequest(path, bearer(viewer)), id(citation.id))).status).toBe(200);
    expect(
      (await citationRevisionsRoute(getRequest(`${path}/revisions`, bearer(viewer)), id(citation.id))).status,
    ).toBe(200);
  });

  it("refuses a bad body with 400 naming the field, and a body that is not JSON with 415", async () => {
    const { citation } = await quoted();
    const path = `/api/v1/citations/${citation.id}`;
    const before = await fingerprint();
    await expectError(
      await patchCitationRoute(jsonRequest("PATCH", path, { version: 1, quote: "" }), id(citation.id)),
      400,
      "VALIDATION_FAILED",
      "quote",
    );
    await expectError(
      await patchCitationRoute(jsonRequest("PATCH", path, { quote: "x" }), id(citation.id)),
      400,
      "VALIDATION_FAILED",
      "version",
    );
    await expectError(
      await patchCitationRoute(
        jsonRequest("PATCH", path, "version=1&quote=x", { "Content-Type": "application/x-www-form-urlencoded" }),
        id(citation.id),
      ),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("404s for an unknown or malformed id on every quote route", async () => {
    for (const key of ["missing", "a/b", "--;"]) {
      const path = "/api/v1/citations/x";
      await expectError(await readCitationRoute(getRequest(path), id(key)), 404, "NOT_FOUND");
      await expectError(
        await patchCitationRoute(jsonRequest("PATCH", path, { version: 1, quote: "x" }), id(key)),
        404,
        "NOT_FOUND",
      );
      await expectError(await deleteCitationRoute(jsonRequest("DELETE", path, ""), id(key)), 404, "NOT_FOUND");
      await expectError(await restoreCitationRoute(jsonRequest("POST", path, ""), id(key)), 404, "NOT_FOUND");
      await expectError(await citationRevisionsRoute(getRequest(path), id(key)), 404, "NOT_FOUND");
    }
  });
});

describe("sources", () => {
  it("reads a source with its quotes, corrects it and serves its revisions", async () => {
    const { grievance, citation, url } = await quoted();
    const path = `/api/v1/sources/${citation.source.id}`;
    const read = SourceDetailSchema.parse(
      await readJson(await readSourceRoute(getRequest(path), id(citation.source.id))),
    );
    expect(read).toMatchObject({ id: citation.source.id, url, version: 1 });
    expect(read.citations).toEqual([
      expect.objectContaining({
        id: citation.id,
        record: expect.objectContaining({ kind: "grievance", id: grievance.id }),
      }),
    ]);

    const patched = await patchSourceRoute(
      jsonRequest("PATCH", path, { version: 1, title: "Readout", publisher: "MFA", publishedAt: "2025-02-27" }),
      id(citation.source.id),
    );
    expect(patched.status).toBe(200);
    expect(SourceDetailSchema.parse(await readJson(patched))).toMatchObject({
      version: 2,
      title: "Readout",
      publisher: "MFA",
      publishedAt: "2025-02-27T00:00:00.000Z",
    });
    const revisions = RevisionListSchema.parse(
      await readJson(await sourceRevisionsRoute(getRequest(`${path}/revisions`), id(citation.source.id))),
    );
    expect(revisions.items.map((r) => r.action)).toEqual(["create", "edit"]);
    expect(revisions.items[1]!.changes.map((c) => c.field)).toEqual(["title", "publisher", "publishedAt"]);
  });

  it("refuses a URL another source has with 400 naming url, and changes nothing", async () => {
    const first = await quoted();
    const second = await quoted();
    const before = await fingerprint();
    await expectError(
      await patchSourceRoute(
        jsonRequest("PATCH", `/api/v1/sources/${second.citation.source.id}`, { version: 1, url: first.url }),
        id(second.citation.source.id),
      ),
      400,
      "VALIDATION_FAILED",
      "url",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("answers a stale version with 409 and the source as it stands, and refuses a viewer with 403", async () => {
    const { citation } = await quoted();
    const path = `/api/v1/sources/${citation.source.id}`;
    await patchSourceRoute(jsonRequest("PATCH", path, { version: 1, title: "Now" }), id(citation.source.id));
    const before = await fingerprint();
    const body = await expectError(
      await patchSourceRoute(jsonRequest("PATCH", path, { version: 1, title: "Later" }), id(citation.source.id)),
      409,
      "CONFLICT",
    );
    expect(SourceConflictSchema.parse(body).error.current).toMatchObject({ version: 2, title: "Now" });
    await expectError(
      await patchSourceRoute(
        jsonRequest("PATCH", path, { version: 2, title: "Viewer's" }, asJson(viewer)),
        id(citation.source.id),
      ),
      403,
      "FORBIDDEN",
    );
    expect(await fingerprint()).toEqual(before);
  });

  it("404s for an unknown or malformed id on every source route", async () => {
    for (const key of ["missing", "a/b"]) {
      const path = "/api/v1/sources/x";
      await expectError(await readSourceRoute(getRequest(path), id(key)), 404, "NOT_FOUND");
      await expectError(
        await patchSourceRoute(jsonRequest("PATCH", path, { version: 1, title: "x" }), id(key)),
        404,
        "NOT_FOUND",
      );
      await expectError(await sourceRevisionsRoute(getRequest(path), id(key)), 404, "NOT_FOUND");
    }
  });
});

describe("the OpenAPI document", () => {
  it("has every quote and source operation, the PATCHes with their conflict bodies", async () => {
    const doc = await readJson<any>(await openApiRoute(getRequest("/api/v1/openapi.json"), noParams));
    for (const [path, method] of [
      ["/api/v1/citations/{id}", "get"],
      ["/api/v1/citations/{id}", "patch"],
      ["/api/v1/citations/{id}", "delete"],
      ["/api/v1/citations/{id}/restore", "post"],
      ["/api/v1/citations/{id}/revisions", "get"],
      ["/api/v1/sources/{id}", "get"],
      ["/api/v1/sources/{id}", "patch"],
      ["/api/v1/sources/{id}/revisions", "get"],
    ] as const) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(operation.responses["404"], `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(operation.responses["401"]).toEqual({ $ref: "#/components/responses/Unauthenticated" });
    }
    for (const [path, detail] of [
      ["/api/v1/citations/{id}", "CitationDetail"],
      ["/api/v1/sources/{id}", "SourceDetail"],
    ] as const) {
      const patch = doc.paths[path].patch;
      expect(patch.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
      expect(patch.responses["409"].content["application/json"].schema.properties.error.properties.current.$ref).toBe(
        `#/components/schemas/${detail}`,
      );
    }
    const sourceUpdate = doc.components.requestBodies.SourceUpdate.content["application/json"].schema;
    expect(sourceUpdate.required).toEqual(["version"]);
    expect(Object.keys(sourceUpdate.properties)).toEqual(
      expect.arrayContaining(["title", "publisher", "url", "publishedAt", "note"]),
    );
    // A grievance's quotes carry what an edit needs: their id, version and source's id.
    expect(doc.components.schemas.Citation.required).toEqual(
      expect.arrayContaining(["id", "version", "quote", "source"]),
    );
  });
});

describe("the quote and source forms' server actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const as = (token: string) => {
    actionHeaders = new Headers(bearer(token));
  };

  it("edit a quote for an analyst (not a viewer), delete and restore it for an admin (not an analyst)", async () => {
    const { citation } = await quoted();
    const edit = form({ id: citation.id, version: "1", quote: "By the form.", source: citation.source.url!, note: "" });
    const before = await fingerprint();
    as(viewer);
    expect(await actions.updateCitationAction({ status: "idle" }, edit)).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
      values: { quote: "By the form." },
    });
    as(analyst);
    expect(await actions.deleteCitationAction({ status: "idle" }, form({ id: citation.id }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fingerprint()).toEqual(before);

    expect(await actions.updateCitationAction({ status: "idle" }, edit)).toMatchObject({
      status: "ok",
      data: { id: citation.id, version: 2 },
    });
    actionHeaders = new Headers(authHeader());
    expect(await actions.deleteCitationAction({ status: "idle" }, form({ id: citation.id }))).toMatchObject({
      status: "ok",
    });
    expect(await actions.restoreCitationAction({ status: "idle" }, form({ id: citation.id }))).toMatchObject({
      status: "ok",
    });
    const db = await getDb();
    expect(
      await db.citation.findUnique({ where: { id: citation.id }, select: { quote: true, deletedAt: true } }),
    ).toEqual({ quote: "By the form.", deletedAt: null });
  });

  it("edit a source, and mark the url field when another source has the URL", async () => {
    const first = await quoted();
    const second = await quoted();
    as(analyst);
    const fields = {
      id: second.citation.source.id,
      version: "1",
      title: "Edited",
      publisher: "",
      publishedAt: "",
      note: "",
    };
    const before = await fingerprint();
    const refused = await actions.updateSourceAction({ status: "idle" }, form({ ...fields, url: first.url }));
    expect(refused).toMatchObject({
      status: "error",
      code: "VALIDATION_FAILED",
      fieldErrors: { url: expect.any(String) },
    });
    expect(await fingerprint()).toEqual(before);
    const saved = await actions.updateSourceAction({ status: "idle" }, form({ ...fields, url: second.url }));
    expect(saved).toMatchObject({ status: "ok", data: { version: 2 } });
  });
});
