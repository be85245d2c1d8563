import { beforeAll, describe, expect, it, vi } from "vitest";
import * as partyList from "@/app/api/v1/parties/route";
import { apiRoute, jsonResponse, readJsonBody, searchParamsToObject } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { getAuth } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { listParties } from "@/lib/server/parties";
import { createUser } from "@/lib/server/users";
import { expectError, jsonRequest, noParams, authHeader } from "./support";

describe("apiRoute", () => {
  it("answers an unexpected failure with a bare 500, logging it on the server only", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const secret = new Error("SQLITE_ERROR: no such table: Grievance (SELECT * FROM Grievance)");
    const route = apiRoute(async () => {
      throw secret;
    });
    const response = await route(new Request("http://localhost/api/v1/boom", { headers: authHeader() }), noParams);
    expect(response.status).toBe(500);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "INTERNAL", message: "Something went wrong on our side", issues: [] },
    });
    expect(text).not.toMatch(/SQLITE|SELECT|at /);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(consoleError.mock.calls[0]).toContain(secret);
    // The setup fails a test on any console.error: these calls were expected.
    consoleError.mockClear();
    consoleError.mockRestore();
  });

  it("answers an AppError with its status and body", async () => {
    const route = apiRoute(async () => {
      throw new AppError("CONFLICT", "Stale", { current: { id: "x", version: 3 } });
    });
    const body = await expectError(
      await route(new Request("http://localhost/", { headers: authHeader() }), noParams),
      409,
      "CONFLICT",
    );
    expect(body.error.current).toEqual({ id: "x", version: 3 });
  });
});

describe("searchParamsToObject", () => {
  it("keeps single values, makes repeated keys arrays and empty values absent", () => {
    const query = searchParamsToObject("http://localhost/x?a=1&b=2&b=3&c=&d=%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B5");
    expect(query).toEqual({ a: "1", b: ["2", "3"], c: undefined, d: "москве" });
    expect(Object.keys(query)).toContain("c");
  });

  it("refuses prototype keys", () => {
    expect(() => searchParamsToObject("http://localhost/x?__proto__=1")).toThrow(AppError);
  });
});

/** Answers the body it read, as a route that takes one does. */
const echo = apiRoute(async (request) => jsonResponse(await readJsonBody(request)), { body: true });

describe("the Content-Type", () => {
  it("must be JSON for a route that reads a body, and need not be for a token's request without one", async () => {
    await expectError(
      await echo(jsonRequest("POST", "/x", "{}", { "Content-Type": "text/plain" }), noParams),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    const route = apiRoute(async () => jsonResponse({ done: true }));
    const bodyless = new Request("http://localhost/x", { method: "DELETE", headers: authHeader() });
    expect((await route(bodyless, noParams)).status).toBe(200);
  });
});

describe("readJsonBody", () => {
  it("parses JSON, tolerating a BOM and a charset", async () => {
    const request = jsonRequest("POST", "/x", '\uFEFF{"a": [1, "ü"]}', {
      "Content-Type": "Application/JSON; charset=UTF-8",
    });
    const response = await echo(request, noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ a: [1, "ü"] });
  });

  it("refuses invalid UTF-8 as malformed", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      headers: { ...authHeader(), "Content-Type": "application/json" },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    await expect(readJsonBody(request)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "", message: "Malformed JSON: the body is not valid UTF-8" }],
    });
  });

  it("does not quote the body back in the error", async () => {
    const request = jsonRequest("POST", "/x", "secret-token-value");
    const error = await readJsonBody(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^Malformed JSON: /);
    expect((error as AppError).message).not.toContain("secret");
  });
});

describe("a cookie-authenticated write's Origin", () => {
  let cookie = "";
  beforeAll(async () => {
    // An analyst may create parties, so only the origin can refuse these.
    const email = `origin-${Date.now()}@example.org`;
    await createUser(SYSTEM, { email, role: "analyst", password: "a long test password" });
    const { headers } = await (
      await getAuth()
    ).api.signInEmail({
      body: { email, password: "a long test password" },
      headers: new Headers(),
      returnHeaders: true,
    });
    cookie = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  });

  const post = (name: string, origin: string) =>
    partyList.POST(
      new Request("http://localhost/api/v1/parties", {
        method: "POST",
        headers: { cookie, host: "localhost:3000", origin, "content-type": "application/json" },
        body: JSON.stringify({ name }),
      }),
      noParams,
    );
  const names = async () => (await listParties(SYSTEM, {})).map((party) => party.name);

  it("is refused with 403, not a 500, when it is not a URL or names another port, and nothing is written", async () => {
    for (const origin of ["garbage", "null", "http://localhost:3001", "https://localhost:3000", "http://localhost"]) {
      await expectError(await post(`Forged ${origin}`, origin), 403, "FORBIDDEN");
    }
    expect((await names()).filter((name) => name.startsWith("Forged"))).toEqual([]);
  });

  it("is accepted when it is the app's own", async () => {
    expect((await post("Same origin party", "http://localhost:3000")).status).toBe(201);
    expect(await names()).toContain("Same origin party");
  });
});
