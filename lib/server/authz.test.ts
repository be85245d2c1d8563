import { describe, expect, it } from "vitest";
import { actorId, authorize, can, SYSTEM, type Actor } from "./authz";

// Kills the mutants Stryker found surviving the integration suites in authz.ts (npm run test:mutation):
// the paths no caller with a real actor reaches.

const analyst: Actor = {
  kind: "user",
  id: "u1",
  name: "Ana",
  email: "ana@example.org",
  role: "analyst",
  via: "session",
};

describe("authz without an actor", () => {
  it("can() says no rather than throwing, for every permission", () => {
    for (const permission of ["read", "write", "admin"] as const) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("authorize() is a 401 that says to sign in", () => {
    expect(() => authorize(null, "read")).toThrow(
      expect.objectContaining({ code: "UNAUTHENTICATED", message: "Sign in first" }),
    );
  });
});

describe("authz with an actor", () => {
  it("goes by rank, and the system may do anything", () => {
    expect(can(analyst, "write")).toBe(true);
    expect(can(analyst, "admin")).toBe(false);
    expect(can(SYSTEM, "admin")).toBe(true);
    expect(authorize(analyst, "read")).toBe(analyst);
    expect(() => authorize(analyst, "admin")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("actorId", () => {
  it("is the user's id, and null (not undefined) for the system", () => {
    expect(actorId(analyst)).toBe("u1");
    expect(actorId(SYSTEM)).toBeNull();
  });
});
