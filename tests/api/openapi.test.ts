import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { getRequest, noParams, readJson } from "./support";

type Doc = {
  openapi: string;
  info: { title: string; version: string; description: string };
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, any>>;
  components: {
    schemas: Record<string, any>;
    responses: Record<string, any>;
    requestBodies: Record<string, any>;
    securitySchemes: Record<string, any>;
  };
};

async function load(): Promise<Doc> {
  const response = await GET(getRequest("/api/v1/openapi.json"), noParams);
  expect(response.status).toBe(200);
  return readJson<Doc>(response);
}

/** Every operation of the contract, written out: the document must have each and no other. */
const OPERATIONS: Array<[string, string]> = [
  ["/api/v1/parties", "get"],
  ["/api/v1/parties", "post"],
  ["/api/v1/parties/{slug}", "get"],
  ["/api/v1/parties/{slug}", "patch"],
  ["/api/v1/parties/{slug}", "delete"],
  ["/api/v1/parties/{slug}/restore", "post"],
  ["/api/v1/parties/{slug}/merge", "post"],
  ["/api/v1/venues", "get"],
  ["/api/v1/venues", "post"],
  ["/api/v1/venues/{slug}", "get"],
  ["/api/v1/venues/{slug}", "patch"],
  ["/api/v1/venues/{slug}", "delete"],
  ["/api/v1/venues/{slug}/restore", "post"],
  ["/api/v1/venues/{slug}/merge", "post"],
  ["/api/v1/meetings", "get"],
  ["/api/v1/meetings", "post"],
  ["/api/v1/meetings/{id}", "get"],
  ["/api/v1/meetings/{id}", "patch"],
  ["/api/v1/meetings/{id}", "delete"],
  ["/api/v1/meetings/{id}/restore", "post"],
  ["/api/v1/meetings/{id}/outcomes", "post"],
  ["/api/v1/grievances", "get"],
  ["/api/v1/grievances", "post"],
  ["/api/v1/grievances/{id}", "get"],
  ["/api/v1/grievances/{id}", "patch"],
  ["/api/v1/grievances/{id}", "delete"],
  ["/api/v1/grievances/{id}/restore", "post"],
  ["/api/v1/grievances/{id}/history", "get"],
  ["/api/v1/imports/grievances", "post"],
  ["/api/v1/grievances/bulk-status", "post"],
  ["/api/v1/grievances/{id}/revisions", "get"],
  ["/api/v1/meetings/{id}/revisions", "get"],
  ["/api/v1/parties/{slug}/revisions", "get"],
  ["/api/v1/venues/{slug}/revisions", "get"],
  ["/api/v1/citations/{id}", "get"],
  ["/api/v1/citations/{id}", "patch"],
  ["/api/v1/citations/{id}", "delete"],
  ["/api/v1/citations/{id}/restore", "post"],
  ["/api/v1/citations/{id}/revisions", "get"],
  ["/api/v1/sources/{id}", "get"],
  ["/api/v1/sources/{id}", "patch"],
  ["/api/v1/sources/{id}/revisions", "get"],
  ["/api/v1/overview", "get"],
  ["/api/v1/search", "get"],
  ["/api/v1/views", "get"],
  ["/api/v1/views", "post"],
  ["/api/v1/views/{id}", "get"],
  ["/api/v1/views/{id}", "patch"],
  ["/api/v1/views/{id}", "delete"],
  ["/api/v1/openapi.json", "get"],
];

/** Follows a local $ref ("#/components/...") through the document. */
function resolve(doc: Doc, node: any): any {
  if (node && typeof node.$ref === "string") {
    return resolve(
      doc,
      node.$ref
        .slice(2)
        .split("/")
        .reduce((at: any, key: string) => at?.[key], doc),
    );
  }
  return node;
}

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document with every operation of the contract", async () => {
    const doc = await load();
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.info.title).toBeTruthy();
    for (const [path, method] of OPERATIONS) {
      expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeDefined();
      expect(doc.paths[path]![method].responses).toBeDefined();
    }
    // And no operation the list does not name: one added to the document is added here too, and
    // so gets the checks below (a 401, and a 403 where a role above viewer is needed).
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(OPERATIONS.map(([path, method]) => `${method.toUpperCase()} ${path}`).sort());
  });

  it("describes the one error shape as a component and uses it for 400/404/409/413/415", async () => {
    const doc = await load();
    const error = doc.components.schemas.Error;
    expect(error.properties.error.required).toEqual(expect.arrayContaining(["code", "message", "issues"]));
    expect(resolve(doc, error.properties.error.properties.issues.items).required).toEqual(["path", "message"]);
    for (const name of ["ValidationFailed", "NotFound", "PayloadTooLarge", "UnsupportedMediaType"]) {
      expect(doc.components.responses[name].content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    }
    const patch = doc.paths["/api/v1/grievances/{id}"]!.patch;
    for (const status of ["400", "404", "409", "413", "415"]) expect(patch.responses[status], status).toBeDefined();
    const conflict = resolve(doc, patch.responses["409"]).content["application/json"].schema;
    expect(conflict.properties.error.properties.current.$ref).toBe("#/components/schemas/GrievanceDetail");
  });

  it("takes request bodies and query parameters from the shared zod schemas", async () => {
    const doc = await load();
    const create = resolve(doc, doc.paths["/api/v1/grievances"]!.post.requestBody).content["application/json"].schema;
    expect(create.required).toEqual(expect.arrayContaining(["title", "category", "raisedBy", "addressedTo"]));
    expect(create.properties.category.enum).toContain("VISAS");
    expect(create.additionalProperties).toBe(false);
    const outcome = resolve(doc, doc.paths["/api/v1/meetings/{id}/outcomes"]!.post.requestBody).content[
      "application/json"
    ].schema;
    expect(outcome.properties.outcomes.items.required).toEqual(expect.arrayContaining(["grievanceId", "note"]));
    const query = doc.paths["/api/v1/grievances"]!.get.parameters.map((p: any) => p.name);
    expect(query).toEqual(
      expect.arrayContaining(["party", "role", "status", "category", "meeting", "q", "cursor", "limit", "sort", "dir"]),
    );
    const limit = doc.paths["/api/v1/grievances"]!.get.parameters.find((p: any) => p.name === "limit");
    expect(limit.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    const grievance = doc.components.schemas.GrievanceDetail;
    expect(grievance.required).toEqual(
      expect.arrayContaining([
        "id",
        "title",
        "description",
        "category",
        "status",
        "version",
        "raisedBy",
        "addressedTo",
        "citations",
        "agenda",
        "history",
      ]),
    );
  });

  it("declares bearer tokens as the global security scheme, and notes the browsers' session cookie", async () => {
    const doc = await load();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.info.description).toMatch(/session cookie/);
  });

  it("describes 401, 403 and 429 as shared error responses and lists them where they apply", async () => {
    const doc = await load();
    for (const name of ["Unauthenticated", "Forbidden", "RateLimited"]) {
      expect(doc.components.responses[name]?.content["application/json"].schema.$ref, name).toBe(
        "#/components/schemas/Error",
      );
    }
    // Every operation needs a user or a token.
    for (const [path, method] of OPERATIONS) {
      expect(doc.paths[path]![method].responses["401"], `${method.toUpperCase()} ${path}`).toEqual({
        $ref: "#/components/responses/Unauthenticated",
      });
    }
    // A higher role than viewer: writes, deletion, restoring, and the deleted lists.
    for (const [path, method] of [
      ["/api/v1/grievances", "post"],
      ["/api/v1/imports/grievances", "post"],
      ["/api/v1/grievances/{id}", "patch"],
      ["/api/v1/grievances/{id}", "delete"],
      ["/api/v1/grievances/{id}/restore", "post"],
      ["/api/v1/meetings/{id}", "delete"],
      ["/api/v1/meetings/{id}/restore", "post"],
      ["/api/v1/grievances", "get"],
      ["/api/v1/meetings", "get"],
      ["/api/v1/citations/{id}", "patch"],
      ["/api/v1/citations/{id}", "delete"],
      ["/api/v1/citations/{id}/restore", "post"],
      ["/api/v1/sources/{id}", "patch"],
    ] as const) {
      expect(doc.paths[path]![method].responses["403"], `${method.toUpperCase()} ${path}`).toEqual({
        $ref: "#/components/responses/Forbidden",
      });
    }
    // Reads need only the viewer role, which every user has.
    for (const path of [
      "/api/v1/grievances/{id}",
      "/api/v1/citations/{id}",
      "/api/v1/citations/{id}/revisions",
      "/api/v1/sources/{id}",
      "/api/v1/sources/{id}/revisions",
      "/api/v1/overview",
    ]) {
      expect(doc.paths[path]!.get.responses["403"], `GET ${path}`).toBeUndefined();
    }
  });

  it("documents delete and restore, answering the detail, and the deleted filter on the lists", async () => {
    const doc = await load();
    for (const [path, method, detail] of [
      ["/api/v1/grievances/{id}", "delete", "GrievanceDetail"],
      ["/api/v1/grievances/{id}/restore", "post", "GrievanceDetail"],
      ["/api/v1/meetings/{id}", "delete", "MeetingDetail"],
      ["/api/v1/meetings/{id}/restore", "post", "MeetingDetail"],
    ] as const) {
      const operation = doc.paths[path]![method];
      expect(operation.requestBody, `${method.toUpperCase()} ${path}`).toBeUndefined();
      expect(operation.parameters.map((p: any) => p.name)).toEqual(["id"]);
      expect(operation.responses["200"].content["application/json"].schema.$ref).toBe(`#/components/schemas/${detail}`);
      expect(operation.responses["404"]).toEqual({ $ref: "#/components/responses/NotFound" });
    }
    for (const path of ["/api/v1/grievances", "/api/v1/meetings"]) {
      const deleted = doc.paths[path]!.get.parameters.find((p: any) => p.name === "deleted");
      expect(deleted, path).toMatchObject({ in: "query", schema: { enum: ["1"] } });
      expect(deleted.required ?? false).toBe(false);
    }
  });
});
