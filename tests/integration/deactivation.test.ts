import { beforeEach, describe, expect, it } from "vitest";
import * as grievanceList from "@/app/api/v1/grievances/route";
import { getAuth, actorFromHeaders } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createApiToken } from "@/lib/server/tokens";
import { createUser, deactivateUser } from "@/lib/server/users";

// A deactivated user is refused on every request, whatever credential they still hold: the token
// and session checks read the user's deactivatedAt each time (lib/server/tokens.ts,
// lib/server/auth.ts actorFromHeaders). deactivateUser also revokes tokens and deletes sessions,
// which would hide a missing check, so here the user is deactivated with the credential left
// valid (as an edit in the database, or a deactivation racing a request, leaves it) and the very
// next request must be a 401; clearing it lets the same credential in again.

const PASSWORD = "a long test password";
let n = 0;
let userId = "";
let email = "";

beforeEach(async () => {
  email = `leaver-${++n}@example.org`;
  userId = (await createUser(SYSTEM, { email, role: "analyst", password: PASSWORD })).id;
});

async function setDeactivated(at: Date | null): Promise<void> {
  const db = await getDb();
  await db.user.update({ where: { id: userId }, data: { deactivatedAt: at } });
}

async function sessionCookie(): Promise<string> {
  const { headers } = await (
    await getAuth()
  ).api.signInEmail({ body: { email, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  return headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function listGrievances(headers: Record<string, string>): Promise<Response> {
  return grievanceList.GET(new Request("http://localhost/api/v1/grievances", { headers }), {
    params: Promise.resolve({} as Record<string, never>),
  });
}

async function expectUnauthenticated(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect((await response.json()).error.code).toBe("UNAUTHENTICATED");
}

describe("a user deactivated while their credential is still valid", () => {
  it("is refused with their API token on the next request, and let in again once reactivated", async () => {
    const { token, summary } = await createApiToken(SYSTEM, userId, { name: "script" });
    const headers = { authorization: `Bearer ${token}` };
    expect((await listGrievances(headers)).status).toBe(200);

    await setDeactivated(new Date());
    await expectUnauthenticated(await listGrievances(headers));
    expect(await actorFromHeaders(new Headers(headers))).toBeNull();
    // The token itself is untouched: the refusal is the user's deactivation, read per request.
    const db = await getDb();
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: summary.id } })).toMatchObject({ revokedAt: null });

    await setDeactivated(null);
    expect((await listGrievances(headers)).status).toBe(200);
  });

  it("is refused with their session cookie on the next request, and let in again once reactivated", async () => {
    const headers = { cookie: await sessionCookie() };
    expect((await listGrievances(headers)).status).toBe(200);
    expect(await actorFromHeaders(new Headers(headers))).toMatchObject({ id: userId, via: "session" });

    await setDeactivated(new Date());
    await expectUnauthenticated(await listGrievances(headers));
    expect(await actorFromHeaders(new Headers(headers))).toBeNull();
    // The session row is still there: the refusal is the user's deactivation, read per request.
    const db = await getDb();
    expect(await db.session.count({ where: { userId } })).toBe(1);

    await setDeactivated(null);
    expect(await actorFromHeaders(new Headers(headers))).toMatchObject({ id: userId, via: "session" });
  });
});

describe("deactivateUser", () => {
  it("ends the user's sessions and tokens at once, and they stay refused after reactivation", async () => {
    const { token } = await createApiToken(SYSTEM, userId, { name: "script" });
    const tokenHeaders = { authorization: `Bearer ${token}` };
    const cookieHeaders = { cookie: await sessionCookie() };
    await deactivateUser(SYSTEM, userId);
    await expectUnauthenticated(await listGrievances(tokenHeaders));
    await expectUnauthenticated(await listGrievances(cookieHeaders));
    // Revoked and signed out, not merely suspended: reactivating does not bring them back.
    await setDeactivated(null);
    await expectUnauthenticated(await listGrievances(tokenHeaders));
    await expectUnauthenticated(await listGrievances(cookieHeaders));
  });
});
