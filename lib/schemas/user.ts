import { z } from "zod";
import { LIMITS, optionalText, requiredText } from "./common";

export const ROLES = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: () => `Must be one of ${ROLES.join(", ")}` });
export const ROLE_LABELS: Record<Role, string> = { viewer: "Viewer", analyst: "Analyst", admin: "Admin" };
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: "reads everything",
  analyst: "also creates and updates grievances, meetings, parties, venues and statuses",
  admin: "also manages users, roles, tokens and deletion",
};

/** OWASP's minimum for passwords checked against no breach list; the maximum bounds hashing work. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const EmailSchema = z
  .string({ error: "Email must be text" })
  .trim()
  .toLowerCase()
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ error: "Must be an email address" }));

export const PasswordSchema = z
  .string({ error: "Password must be text" })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters`);

export const SignInSchema = z.strictObject({
  email: EmailSchema,
  password: z
    .string({ error: "Password is required" })
    .min(1, "Password is required")
    .max(PASSWORD_MAX, "Password is too long"),
});

export const UserCreateSchema = z.strictObject({
  email: EmailSchema,
  name: optionalText("Name", LIMITS.name),
  role: RoleSchema,
  password: PasswordSchema,
});
export type UserCreate = z.output<typeof UserCreateSchema>;

/** The first admin: no role to choose. */
export const FirstAdminSchema = UserCreateSchema.omit({ role: true });

export const RoleChangeSchema = z.strictObject({ role: RoleSchema });

export const ApiTokenCreateSchema = z.strictObject({
  name: requiredText("Name", LIMITS.name),
});

// ---------------------------------------------------------------------------------------------
// Responses (the admin pages'; not part of the API): plain types, since nothing parses or
// publishes them (a schema here would only carry checks no code runs).

export type UserSummary = {
  id: string;
  name: string;
  email: string;
  role: z.output<typeof RoleSchema>;
  /** ISO 8601 date-time (UTC), as every timestamp the app hands out. */
  deactivatedAt: string | null;
  createdAt: string;
  activeSessions: number;
  activeTokens: number;
};

/** A token as listed: never the token itself, which is shown once when it is made. */
export type ApiTokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};
