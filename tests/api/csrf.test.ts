import { beforeAll, describe, expect, it } from "vitest";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import * as partyList from "@/app/api/v1/parties/route";
import { getAuth } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { getPartyOrThrow } from "@/lib/server/parties";
import { createApiToken } from "@/lib/server/tokens";
import { createUser } from "@/lib/server/users";
import { makeGrievance } from "../support/factories";
import { expectNothingChanged } from "../support/fingerprint";

// The route handlers' own CSRF guard (lib/api/handler.ts, for cookie sessions): an analyst's
// browser session, which the role would let write, is refused a write that does not come from
// the app's own origin, and nothing is written; the same write from the app's pages lands. A
// bearer token needs no Origin: a cross-site page cannot attach one.

const PASSWORD = "a long test password";
let cookie = "";
let token = "";

beforeAll(async () => {
  const analyst = await createUser(SYSTEM, { email: "csrf-analyst@example.org", role: "analyst", password: PASSWORD });
  const { headers } = await (
    await getAuth()
  ).api.signInEmail({
    body: { email: analyst.email, password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  token = (await createApiToken(SYSTEM, analyst.id, { name: "csrf" })).token;
});

const none = { params: Promise.resolve({} as Record<string, never>) };

function createParty(name: string, headers: Record<string, string>): Promise<Response> {
  const request = new Request("http://localhost/api/v1/parties", {
    method: "POST",
    headers: { host: "localhost", "content-type": "application/json", ...headers },
    body: JSON.stringify({ name }),
  });
  return partyList.POST(request, none);
}

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({
    error: { code: "FORBIDDEN", message: expect.stringContaining("Cross-site"), issues: [] },
  });
}

describe("a cookie-authenticated write to a route handler", () => {
  it.each([
    ["with neither Origin nor Sec-Fetch-Site", {}],
    ["from another site", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
    ["from a sibling site", { origin: "http://evil.localhost", "sec-fetch-site": "same-site" }],
    ["with Origin: null (a sandboxed frame, a redirect)", { origin: "null" }],
    ["from the same host on another port", { origin: "http://localhost:3999" }],
    ["with an Origin that is not a URL", { origin: "garbage" }],
    ["with Sec-Fetch-Site: cross-site and no Origin", { "sec-fetch-site": "cross-site" }],
  ])("is refused %s, and writes nothing", async (_, headers: Record<string, string>) => {
    const response = await expectNothingChanged(() => createParty("Forged Party", { cookie, ...headers }));
    await expectRefused(response);
  });

  it("is refused for a PATCH without Origin, and the grievance stays at its version", async () => {
    const grievance = await makeGrievance();
    const response = await expectNothingChanged(() =>
      grievanceOne.PATCH(
        new Request(`http://localhost/api/v1/grievances/${grievance.id}`, {
          method: "PATCH",
          headers: { cookie, host: "localhost", "content-type": "application/json" },
          body: JSON.stringify({ version: grievance.version, description: "forged" }),
        }),
        { params: Promise.resolve({ id: grievance.id }) },
      ),
    );
    await expectRefused(response);
    expect(await getGrievanceOrThrow(SYSTEM, grievance.id)).toMatchObject({
      version: grievance.version,
      description: grievance.description,
    });
  });

  it("lands when the browser says Sec-Fetch-Site: same-origin", async () => {
    const response = await createParty("Same Origin Party", { cookie, "sec-fetch-site": "same-origin" });
    expect(response.status, await response.clone().text()).toBe(201);
    const { slug } = await response.json();
    expect(await getPartyOrThrow(SYSTEM, slug)).toMatchObject({ name: "Same Origin Party" });
  });

  it("lands when its Origin is the app's", async () => {
    const response = await createParty("Own Origin Party", { cookie, origin: "http://localhost" });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(await getPartyOrThrow(SYSTEM, (await response.json()).slug)).toMatchObject({ name: "Own Origin Party" });
  });

  it("lands with the same user's bearer token and no Origin", async () => {
    const response = await createParty("Token Party", { authorization: `Bearer ${token}` });
    expect(response.status, await response.clone().text()).toBe(201);
  });
});
