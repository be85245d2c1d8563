import { z } from "zod";
import { LIMITS, optionalText, requiredText, TimestampSchema } from "./common";

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
// Responses (the admin pages'; not part of the API)

export const UserSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  deactivatedAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  activeSessions: z.int().min(0),
  activeTokens: z.int().min(0),
});
export type UserSummary = z.output<typeof UserSummarySchema>;

/** A token as listed: never the token itself, which is shown once when it is made. */
export const ApiTokenSummarySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export type ApiTokenSummary = z.output<typeof ApiTokenSummarySchema>;
