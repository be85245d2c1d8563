import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi";
import { SYSTEM } from "@/lib/server/authz";
import { expectError, params } from "./support";

// Every route file under app/api answers every method itself: Next's own 405 has an empty body
// and no Allow header. Walking the tree means a new route file that forgets routeMethods fails
// here, not in production.

const API = path.resolve("app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const EXPORTS = ["GET", "HEAD", "OPTIONS", ...METHODS];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/v1/grievances/[id]/route.ts" → "/api/v1/grievances/{id}", as the OpenAPI document names it. */
function urlPath(file: string): string {
  return `/api/${path.relative(API, path.dirname(file)).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const files = routeFiles(API);

describe("every method of every route under app/api", () => {
  it("finds the route files", () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((file) => [path.relative(process.cwd(), file), file]))("%s", async (_name, file) => {
    const route = (await import(file)) as Record<string, Handler | undefined>;
    for (const name of EXPORTS) expect(typeof route[name], `${name} exported (routeMethods)`).toBe("function");

    const url = `http://localhost${urlPath(file).replace(/\{(\w+)\}/g, "x")}`;
    const context = params({ id: "x", slug: "x" });
    // Without credentials a method the route has answers 401 (apiRoute reads nothing first);
    // one it lacks, 405 with the error body and the methods it has.
    const implemented: string[] = [];
    const refusals: Response[] = [];
    for (const method of METHODS) {
      const response = await route[method]!(new Request(url, { method }), context);
      if (response.status === 401) implemented.push(method);
      else refusals.push(response);
    }
    expect(implemented.length, "at least one method").toBeGreaterThan(0);
    const allow = [...implemented, ...(implemented.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
    for (const response of refusals) {
      const body = await expectError(response, 405, "METHOD_NOT_ALLOWED");
      expect(body.error.message).toContain(allow);
      expect(response.headers.get("allow")).toBe(allow);
    }

    const options = await route.OPTIONS!(new Request(url, { method: "OPTIONS" }), context);
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe(allow);
    const head = await route.HEAD!(new Request(url, { method: "HEAD" }), context);
    expect(head.status).toBe(implemented.includes("GET") ? 401 : 405);

    // Each method a route has is in the OpenAPI document (but the document itself).
    if (urlPath(file) === "/api/v1/openapi.json") return;
    const operations = (openApiDocument(SYSTEM).paths?.[urlPath(file)] ?? {}) as Record<string, unknown>;
    for (const method of implemented) {
      expect(operations[method.toLowerCase()], `${method} ${urlPath(file)} in the OpenAPI document`).toBeDefined();
    }
  });
});
