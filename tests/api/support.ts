import { expect } from "vitest";
import type { ErrorCode } from "@/lib/errors";
import { ErrorBodySchema } from "@/lib/openapi";

// Calls route handlers as Next does: a Request and a context whose params are a Promise.

const ORIGIN = "http://localhost";

export function params<P extends Record<string, string>>(values: P): { params: Promise<P> } {
  return { params: Promise.resolve(values) };
}

export const noParams = params({} as Record<string, never>);

export function getRequest(path: string): Request {
  return new Request(`${ORIGIN}${path}`);
}

/** A JSON request; `body` is sent as given when it is a string, else JSON-encoded. */
export function jsonRequest(
  method: "POST" | "PATCH",
  path: string,
  body: unknown,
  headers: Record<string, string> = { "Content-Type": "application/json" },
): Request {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
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
