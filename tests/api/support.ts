import { beforeAll, expect } from "vitest";
import type { ErrorCode } from "@/lib/errors";
import { ErrorBodySchema } from "@/lib/schemas/common";
import type { Role } from "@/lib/schemas/user";
import { SYSTEM } from "@/lib/server/authz";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";

// Calls route handlers as Next does: a Request and a context whose params are a Promise. Every
// request carries an admin's API token unless a test says otherwise (the permission matrix in
// tests/api/permissions.test.ts covers the other identities).

const ORIGIN = "http://localhost";

let counter = 0;
/** Creates a user with `role` and returns a bearer token acting as them. */
export async function tokenFor(role: Role): Promise<string> {
  const email = `${role}-${++counter}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const user = await createUser(SYSTEM, { email, role, password: "a long test password" });
  return (await createApiToken(SYSTEM, user.id, { name: "tests" })).token;
}

let adminToken = "";
beforeAll(async () => {
  adminToken = await tokenFor("admin");
});

/** The default identity's header, for tests that build a Request by hand. */
export function authHeader(): Record<string, string> {
  return { Authorization: `Bearer ${adminToken}` };
}

function withAuth(headers: Record<string, string>): Record<string, string> {
  return "Authorization" in headers || "authorization" in headers
    ? headers
    : { ...headers, Authorization: `Bearer ${adminToken}` };
}

export function params<P extends Record<string, string>>(values: P): { params: Promise<P> } {
  return { params: Promise.resolve(values) };
}

export const noParams = params({} as Record<string, never>);

export function getRequest(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { headers: withAuth(headers) });
}

/** A JSON request; `body` is sent as given when it is a string, else JSON-encoded. */
export function jsonRequest(
  method: "POST" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  headers: Record<string, string> = { "Content-Type": "application/json" },
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: withAuth(headers),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function readJson<T = any>(response: Response): Promise<T> {
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as T;
}

type ErrorJson = {
  error: { code: ErrorCode; message: string; issues: Array<{ path: string; message: string }>; current?: any };
};

/**
 * Asserts an error answer: status, code, the one error shape and, when given, that an issue names
 * `path`. Returns the body for further checks.
 */
export async function expectError(
  response: Response,
  status: number,
  code: ErrorCode,
  path?: string,
): Promise<ErrorJson> {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = await readJson<ErrorJson>(response);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code !== "CONFLICT") ErrorBodySchema.parse(body);
  if (path !== undefined) expect(body.error.issues.map((issue) => issue.path)).toContain(path);
  return body;
}
