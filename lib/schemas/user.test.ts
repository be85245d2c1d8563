import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { zodIssues } from "../errors";
import { LIMITS } from "./common";
import {
  ApiTokenCreateSchema,
  EmailSchema,
  FirstAdminSchema,
  PASSWORD_MAX,
  PASSWORD_MIN,
  PasswordSchema,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  RoleChangeSchema,
  RoleSchema,
  SignInSchema,
  UserCreateSchema,
} from "./user";

// Sign-in, the admin's user forms and the token form: what each field takes, and the issue (path
// and message, as the forms show it) when it does not.

function issuesOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, `${JSON.stringify(input)} was accepted`).toBe(false);
  return zodIssues(result.error!);
}

/** An address `length` characters long (the local part at 64, labels at 63 at most). */
function emailOf(length: number) {
  const local = "l".repeat(64);
  const tld = ".org";
  let rest = length - local.length - 1 - tld.length;
  const labels: string[] = [];
  while (rest > 0) {
    const size = Math.min(63, rest);
    labels.push("d".repeat(size));
    rest -= size + 1;
  }
  const address = `${local}@${labels.join(".")}${tld}`;
  expect(address).toHaveLength(length);
  return address;
}

const ROLES_MESSAGE = "Must be one of viewer, analyst, admin";

describe("the roles", () => {
  it("are named and described as the admin pages show them", () => {
    expect(ROLE_LABELS).toEqual({ viewer: "Viewer", analyst: "Analyst", admin: "Admin" });
    expect(ROLE_DESCRIPTIONS).toEqual({
      viewer: "reads everything",
      analyst: "also creates and updates grievances, meetings, parties, venues and statuses",
      admin: "also manages users, roles, tokens and deletion",
    });
  });

  it("a role is one of the three, or the message lists them", () => {
    expect(RoleSchema.parse("analyst")).toBe("analyst");
    for (const role of ["root", "", undefined, "Admin"]) {
      expect(issuesOf(RoleSchema, role)).toEqual([{ path: "", message: ROLES_MESSAGE }]);
    }
    expect(RoleChangeSchema.parse({ role: "admin" })).toEqual({ role: "admin" });
    expect(issuesOf(RoleChangeSchema, {})).toEqual([{ path: "role", message: ROLES_MESSAGE }]);
  });
});

describe("EmailSchema", () => {
  it("reads an address trimmed and in lower case", () => {
    expect(EmailSchema.parse("  Ana.Lima@Example.ORG ")).toBe("ana.lima@example.org");
  });

  it("takes 254 characters, and refuses one more before looking at the address", () => {
    const at = emailOf(254);
    expect(EmailSchema.parse(at)).toBe(at);
    expect(EmailSchema.parse(`  ${at}  `)).toBe(at);
    expect(issuesOf(EmailSchema, emailOf(255))).toEqual([
      { path: "", message: "Email must be at most 254 characters" },
    ]);
  });

  it("says why an address is refused", () => {
    expect(issuesOf(EmailSchema, 5)).toEqual([{ path: "", message: "Email must be text" }]);
    for (const bad of ["ana", "ana@", "@example.org", "ana@example", ""]) {
      expect(issuesOf(EmailSchema, bad)).toEqual([{ path: "", message: "Must be an email address" }]);
    }
  });
});

describe("PasswordSchema", () => {
  it(`takes ${PASSWORD_MIN} to ${PASSWORD_MAX} characters, as typed (spaces count)`, () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(PASSWORD_MAX).toBe(128);
    for (const password of ["p".repeat(PASSWORD_MIN), "p".repeat(PASSWORD_MAX), ` ${"p".repeat(10)} `]) {
      expect(PasswordSchema.parse(password)).toBe(password);
    }
  });

  it("refuses one character short, one too many, and what is not text", () => {
    expect(issuesOf(PasswordSchema, "p".repeat(PASSWORD_MIN - 1))).toEqual([
      { path: "", message: "Password must be at least 12 characters" },
    ]);
    expect(issuesOf(PasswordSchema, "p".repeat(PASSWORD_MAX + 1))).toEqual([
      { path: "", message: "Password must be at most 128 characters" },
    ]);
    expect(issuesOf(PasswordSchema, 123456789012)).toEqual([{ path: "", message: "Password must be text" }]);
  });
});

describe("SignInSchema", () => {
  it("takes any password up to the maximum: the check is the hash's", () => {
    expect(SignInSchema.parse({ email: " Ana@Example.org", password: "x" })).toEqual({
      email: "ana@example.org",
      password: "x",
    });
    expect(SignInSchema.parse({ email: "a@example.org", password: "p".repeat(PASSWORD_MAX) }).password).toHaveLength(
      PASSWORD_MAX,
    );
  });

  it("says a password is required, or too long", () => {
    expect(issuesOf(SignInSchema, { email: "a@example.org" })).toEqual([
      { path: "password", message: "Password is required" },
    ]);
    expect(issuesOf(SignInSchema, { email: "a@example.org", password: "" })).toEqual([
      { path: "password", message: "Password is required" },
    ]);
    expect(issuesOf(SignInSchema, { email: "a@example.org", password: "p".repeat(PASSWORD_MAX + 1) })).toEqual([
      { path: "password", message: "Password is too long" },
    ]);
    expect(issuesOf(SignInSchema, { email: "nope", password: "x" })).toEqual([
      { path: "email", message: "Must be an email address" },
    ]);
  });
});

describe("UserCreateSchema and FirstAdminSchema", () => {
  const user = { email: "Ana@Example.org", name: " Ana ", role: "analyst", password: "correct horse battery" };

  it("read a new user; an empty name is none", () => {
    expect(UserCreateSchema.parse(user)).toEqual({ ...user, email: "ana@example.org", name: "Ana" });
    expect(UserCreateSchema.parse({ ...user, name: "" })).toEqual({
      email: "ana@example.org",
      role: "analyst",
      password: user.password,
    });
  });

  it("name each field and why", () => {
    expect(issuesOf(UserCreateSchema, {})).toEqual([
      { path: "email", message: "Email must be text" },
      { path: "role", message: ROLES_MESSAGE },
      { path: "password", message: "Password must be text" },
    ]);
    expect(issuesOf(UserCreateSchema, { ...user, name: "x".repeat(LIMITS.name + 1), password: "short" })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
      { path: "password", message: "Password must be at least 12 characters" },
    ]);
    expect(UserCreateSchema.parse({ ...user, name: "x".repeat(LIMITS.name) }).name).toHaveLength(LIMITS.name);
  });

  it("the first admin has no role to choose", () => {
    const { role: _role, ...admin } = user;
    expect(FirstAdminSchema.parse(admin)).toEqual({ ...admin, email: "ana@example.org", name: "Ana" });
    expect(issuesOf(FirstAdminSchema, user)).toEqual([{ path: "role", message: 'Unknown field "role"' }]);
    expect(issuesOf(FirstAdminSchema, { ...admin, password: "short" })).toEqual([
      { path: "password", message: "Password must be at least 12 characters" },
    ]);
  });
});

describe("ApiTokenCreateSchema", () => {
  it("takes a name, required and bounded", () => {
    expect(ApiTokenCreateSchema.parse({ name: " CI " })).toEqual({ name: "CI" });
    expect(issuesOf(ApiTokenCreateSchema, { name: "" })).toEqual([{ path: "name", message: "Name is required" }]);
    expect(issuesOf(ApiTokenCreateSchema, { name: "x".repeat(LIMITS.name + 1) })).toEqual([
      { path: "name", message: `Name must be at most ${LIMITS.name} characters` },
    ]);
  });
});
