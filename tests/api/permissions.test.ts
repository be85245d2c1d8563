import { beforeAll, describe, expect, it } from "vitest";
import * as citationRestore from "@/app/api/v1/citations/[id]/restore/route";
import * as citationRevisions from "@/app/api/v1/citations/[id]/revisions/route";
import * as citationOne from "@/app/api/v1/citations/[id]/route";
import * as grievanceList from "@/app/api/v1/grievances/route";
import * as grievanceBulkStatus from "@/app/api/v1/grievances/bulk-status/route";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import * as grievanceHistory from "@/app/api/v1/grievances/[id]/history/route";
import * as grievanceRestore from "@/app/api/v1/grievances/[id]/restore/route";
import * as grievanceRevisions from "@/app/api/v1/grievances/[id]/revisions/route";
import * as meetingList from "@/app/api/v1/meetings/route";
import * as meetingOne from "@/app/api/v1/meetings/[id]/route";
import * as meetingOutcomes from "@/app/api/v1/meetings/[id]/outcomes/route";
import * as meetingRestore from "@/app/api/v1/meetings/[id]/restore/route";
import * as meetingRevisions from "@/app/api/v1/meetings/[id]/revisions/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as overview from "@/app/api/v1/overview/route";
import * as partyList from "@/app/api/v1/parties/route";
import * as partyMerge from "@/app/api/v1/parties/[slug]/merge/route";
import * as partyRestore from "@/app/api/v1/parties/[slug]/restore/route";
import * as partyOne from "@/app/api/v1/parties/[slug]/route";
import * as partyRevisions from "@/app/api/v1/parties/[slug]/revisions/route";
import * as sourceRevisions from "@/app/api/v1/sources/[id]/revisions/route";
import * as sourceOne from "@/app/api/v1/sources/[id]/route";
import * as venueList from "@/app/api/v1/venues/route";
import * as venueMerge from "@/app/api/v1/venues/[slug]/merge/route";
import * as venueRestore from "@/app/api/v1/venues/[slug]/restore/route";
import * as venueOne from "@/app/api/v1/venues/[slug]/route";
import * as venueRevisions from "@/app/api/v1/venues/[slug]/revisions/route";
import { getAuth } from "@/lib/server/auth";
import { SYSTEM } from "@/lib/server/authz";
import { deleteCitation, getCitation, getSource } from "@/lib/server/citations";
import { createGrievance, deleteGrievance, getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { createMeeting, deleteMeeting, getMeetingOrThrow, listMeetings } from "@/lib/server/meetings";
import { createParty, deleteParty, getPartyOrThrow } from "@/lib/server/parties";
import { createVenue, deleteVenue, getVenueOrThrow } from "@/lib/server/venues";
import { seedDatabase } from "@/lib/server/seed";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { createUser, deactivateUser } from "@/lib/server/users";
import { expectNothingChanged } from "../support/fingerprint";

// {anonymous, viewer, analyst, admin, deactivated user, revoked token} × every route handler:
// each answers the status its role allows, and 401 UNAUTHENTICATED / 403 FORBIDDEN in the API's
// error shape otherwise. Allowed calls are valid requests, so they answer their success status.
// A refused call changes no row of any table (a whole-database fingerprint before and after), so
// a check made after the write it should have prevented fails here. Deleted records exist for
// admins only: anyone else reading one is told it was not found, and `?deleted=1` is refused.

type Identity = "anonymous" | "viewer" | "analyst" | "admin" | "deactivated" | "revokedToken" | "viewerSession";
type Need = "read" | "write" | "admin";

const PASSWORD = "a long test password";
const headersFor = new Map<Identity, Record<string, string>>();
let grievanceId = "";
let meetingId = "";
/** A round held today: a grievance's outcome there is dated after it was raised, whenever that was. */
let outcomeMeetingId = "";
/** Records deleted before the matrix runs, and never restored. */
const gone = {
  grievance: "",
  meeting: "",
  party: "deleted-matrix-party",
  venue: "deleted-matrix-venue",
  /** A quote deleted on its own, on a live grievance. */
  citation: "",
  /** A quote left as it was on the deleted grievance: out of sight with it. */
  grievanceCitation: "",
};
const GONE_TITLE = "Deleted matrix grievance";
/** A quote and its source of the matrix's own, on a live grievance: edited, deleted and restored by it. */
let citationId = "";
let sourceId = "";

async function token(role: "viewer" | "analyst" | "admin", email: string) {
  const user = await createUser(SYSTEM, { email, role, password: PASSWORD });
  return { user, ...(await createApiToken(SYSTEM, user.id, { name: "matrix" })) };
}

beforeAll(async () => {
  await seedDatabase();
  grievanceId = (await listGrievances(SYSTEM, { q: "local staff" })).items[0]!.id;
  meetingId = (await listMeetings(SYSTEM, {})).items[0]!.id;
  // Named by nothing, so an admin may delete them.
  await createParty(SYSTEM, { name: "Matrix Party", slug: "matrix-party" });
  await createVenue(SYSTEM, { name: "Matrix Venue", slug: "matrix-venue", city: "Geneva", country: "Switzerland" });
  outcomeMeetingId = (
    await createMeeting(SYSTEM, { title: "Matrix round", date: new Date().toISOString().slice(0, 10), status: "HELD" })
  ).id;
  const quoted = await createGrievance(SYSTEM, {
    title: "Matrix quoted grievance",
    category: "OTHER",
    raisedBy: ["russia"],
    addressedTo: ["united-states"],
    citations: [
      { quote: "Matrix quote.", source: "https://example.org/matrix-source" },
      { quote: "Deleted matrix quote.", source: "https://example.org/matrix-source" },
    ],
  });
  citationId = quoted.citations[0]!.id;
  sourceId = quoted.citations[0]!.source.id;
  gone.citation = quoted.citations[1]!.id;
  await deleteCitation(SYSTEM, gone.citation);
  const goneGrievance = await createGrievance(SYSTEM, {
    title: GONE_TITLE,
    category: "OTHER",
    raisedBy: ["russia"],
    addressedTo: ["united-states"],
    citations: [{ quote: "Quote on a deleted grievance.", source: "https://example.org/matrix-source" }],
  });
  gone.grievance = goneGrievance.id;
  gone.grievanceCitation = goneGrievance.citations[0]!.id;
  await deleteGrievance(SYSTEM, gone.grievance);
  gone.meeting = (await createMeeting(SYSTEM, { title: "Deleted matrix round" })).id;
  await deleteMeeting(SYSTEM, gone.meeting);
  await createParty(SYSTEM, { name: "Deleted Matrix Party", slug: gone.party });
  await deleteParty(SYSTEM, gone.party);
  await createVenue(SYSTEM, { name: "Deleted Matrix Venue", slug: gone.venue, city: "Bern", country: "Switzerland" });
  await deleteVenue(SYSTEM, gone.venue);
  headersFor.set("anonymous", {});
  for (const role of ["viewer", "analyst", "admin"] as const) {
    headersFor.set(role, { authorization: `Bearer ${(await token(role, `${role}@example.org`)).token}` });
  }
  const leaver = await token("analyst", "leaver@example.org");
  await deactivateUser(SYSTEM, leaver.user.id);
  headersFor.set("deactivated", { authorization: `Bearer ${leaver.token}` });
  const revoked = await token("admin", "revoked@example.org");
  await revokeApiToken(SYSTEM, revoked.summary.id);
  headersFor.set("revokedToken", { authorization: `Bearer ${revoked.token}` });
  // A browser session: same rules, reached through the cookie instead of a token.
  const auth = await getAuth();
  const { headers } = await auth.api.signInEmail({
    body: { email: "viewer@example.org", password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  headersFor.set("viewerSession", {
    cookie: headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  });
});

type Case = {
  name: string;
  need: Need;
  success: number;
  /** Rows the call needs that are not part of it (a duplicate to merge), written before the fingerprint. */
  prepare?: () => Promise<string>;
  call: (headers: Record<string, string>, prepared: string) => Promise<Response>;
  /** A deleted record: an identity that may read but is not an admin is told it was not found. */
  hidden?: true;
  /** What the allowed answer's body must hold beyond its status (for the identity that asked). */
  check?: (body: any, identity: Identity) => void;
};

const url = (path: string) => `http://localhost${path}`;
const get = (path: string, headers: Record<string, string>) => new Request(url(path), { headers });
const json = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  new Request(url(path), {
    method,
    // Same-origin as a browser would send it, so only the role decides for cookie sessions.
    headers: {
      ...headers,
      "content-type": "application/json",
      origin: "http://localhost",
      host: "localhost",
      "sec-fetch-site": "same-origin",
    },
    body: JSON.stringify(body),
  });
const id = () => ({ params: Promise.resolve({ id: grievanceId }) });
const mid = () => ({ params: Promise.resolve({ id: meetingId }) });
const slug = (s: string) => ({ params: Promise.resolve({ slug: s }) });
const byId = (value: string) => ({ params: Promise.resolve({ id: value }) });
const none = { params: Promise.resolve({} as Record<string, never>) };
let n = 0;

const CASES: Case[] = [
  {
    name: "GET /grievances",
    need: "read",
    success: 200,
    call: (h) => grievanceList.GET(get("/api/v1/grievances", h), none),
  },
  {
    name: "POST /grievances",
    need: "write",
    success: 201,
    call: (h) =>
      grievanceList.POST(
        json(
          "POST",
          "/api/v1/grievances",
          { title: `Matrix ${++n}`, category: "OTHER", raisedBy: ["russia"], addressedTo: ["united-states"] },
          h,
        ),
        none,
      ),
  },
  {
    name: "GET /grievances/{id}",
    need: "read",
    success: 200,
    call: (h) => grievanceOne.GET(get(`/api/v1/grievances/${grievanceId}`, h), id()),
  },
  {
    name: "PATCH /grievances/{id}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getGrievanceOrThrow(SYSTEM, grievanceId);
      return grievanceOne.PATCH(
        json("PATCH", `/api/v1/grievances/${grievanceId}`, { version, description: `edit ${++n}` }, h),
        id(),
      );
    },
  },
  {
    name: "POST /grievances/bulk-status",
    need: "write",
    success: 200,
    call: async (h) => {
      const { status, version } = await getGrievanceOrThrow(SYSTEM, grievanceId);
      const body = {
        ids: [grievanceId],
        status: status === "STALLED" ? "OPEN" : "STALLED",
        reason: `bulk ${++n}`,
        versions: { [grievanceId]: version },
      };
      return grievanceBulkStatus.POST(json("POST", "/api/v1/grievances/bulk-status", body, h), {
        params: Promise.resolve({}),
      });
    },
  },
  {
    name: "GET /grievances/{id}/history",
    need: "read",
    success: 200,
    call: (h) => grievanceHistory.GET(get(`/api/v1/grievances/${grievanceId}/history`, h), id()),
  },
  {
    name: "GET /grievances/{id}/revisions",
    need: "read",
    success: 200,
    call: (h) => grievanceRevisions.GET(get(`/api/v1/grievances/${grievanceId}/revisions`, h), id()),
  },
  {
    name: "GET /meetings/{id}/revisions",
    need: "read",
    success: 200,
    call: (h) => meetingRevisions.GET(get(`/api/v1/meetings/${meetingId}/revisions`, h), mid()),
  },
  {
    name: "GET /parties/{slug}/revisions",
    need: "read",
    success: 200,
    call: (h) => partyRevisions.GET(get("/api/v1/parties/russia/revisions", h), slug("russia")),
  },
  {
    name: "GET /venues/{slug}/revisions",
    need: "read",
    success: 200,
    call: (h) =>
      venueRevisions.GET(
        get("/api/v1/venues/russian-consulate-general-istanbul/revisions", h),
        slug("russian-consulate-general-istanbul"),
      ),
  },
  {
    name: "DELETE /grievances/{id}",
    need: "admin",
    success: 200,
    call: (h) => grievanceOne.DELETE(json("DELETE", `/api/v1/grievances/${grievanceId}`, {}, h), id()),
  },
  {
    name: "POST /grievances/{id}/restore",
    need: "admin",
    success: 200,
    call: (h) => grievanceRestore.POST(json("POST", `/api/v1/grievances/${grievanceId}/restore`, {}, h), id()),
  },
  { name: "GET /meetings", need: "read", success: 200, call: (h) => meetingList.GET(get("/api/v1/meetings", h), none) },
  {
    name: "POST /meetings",
    need: "write",
    success: 201,
    call: (h) => meetingList.POST(json("POST", "/api/v1/meetings", { title: `Round ${++n}` }, h), none),
  },
  {
    name: "GET /meetings/{id}",
    need: "read",
    success: 200,
    call: (h) => meetingOne.GET(get(`/api/v1/meetings/${meetingId}`, h), mid()),
  },
  {
    name: "PATCH /meetings/{id}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getMeetingOrThrow(SYSTEM, meetingId);
      return meetingOne.PATCH(
        json("PATCH", `/api/v1/meetings/${meetingId}`, { version, summary: `summary ${++n}` }, h),
        mid(),
      );
    },
  },
  {
    name: "POST /meetings/{id}/outcomes",
    need: "write",
    success: 200,
    call: (h) =>
      meetingOutcomes.POST(
        json(
          "POST",
          `/api/v1/meetings/${outcomeMeetingId}/outcomes`,
          { outcomes: [{ grievanceId, note: `note ${++n}` }] },
          h,
        ),
        { params: Promise.resolve({ id: outcomeMeetingId }) },
      ),
  },
  {
    name: "DELETE /meetings/{id}",
    need: "admin",
    success: 200,
    call: (h) => meetingOne.DELETE(json("DELETE", `/api/v1/meetings/${meetingId}`, {}, h), mid()),
  },
  {
    name: "POST /meetings/{id}/restore",
    need: "admin",
    success: 200,
    call: (h) => meetingRestore.POST(json("POST", `/api/v1/meetings/${meetingId}/restore`, {}, h), mid()),
  },
  { name: "GET /parties", need: "read", success: 200, call: (h) => partyList.GET(get("/api/v1/parties", h), none) },
  {
    name: "POST /parties",
    need: "write",
    success: 201,
    call: (h) => partyList.POST(json("POST", "/api/v1/parties", { name: `Party ${++n}` }, h), none),
  },
  {
    name: "GET /parties/{slug}",
    need: "read",
    success: 200,
    call: (h) => partyOne.GET(get("/api/v1/parties/russia", h), slug("russia")),
  },
  {
    name: "PATCH /parties/{slug}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getPartyOrThrow(SYSTEM, "matrix-party");
      return partyOne.PATCH(
        json("PATCH", "/api/v1/parties/matrix-party", { version, shortName: `M${++n}` }, h),
        slug("matrix-party"),
      );
    },
  },
  {
    name: "DELETE /parties/{slug}",
    need: "admin",
    success: 200,
    call: (h) => partyOne.DELETE(json("DELETE", "/api/v1/parties/matrix-party", {}, h), slug("matrix-party")),
  },
  {
    name: "POST /parties/{slug}/restore",
    need: "admin",
    success: 200,
    call: (h) => partyRestore.POST(json("POST", "/api/v1/parties/matrix-party/restore", {}, h), slug("matrix-party")),
  },
  {
    name: "POST /parties/{slug}/merge",
    need: "admin",
    success: 200,
    prepare: async () => (await createParty(SYSTEM, { name: `Duplicate ${++n}` })).slug,
    call: (h, dupe) =>
      partyMerge.POST(json("POST", `/api/v1/parties/${dupe}/merge`, { into: "russia" }, h), slug(dupe)),
  },
  { name: "GET /venues", need: "read", success: 200, call: (h) => venueList.GET(get("/api/v1/venues", h), none) },
  {
    name: "POST /venues",
    need: "write",
    success: 201,
    call: (h) =>
      venueList.POST(
        json("POST", "/api/v1/venues", { name: `Venue ${++n}`, city: "Geneva", country: "Switzerland" }, h),
        none,
      ),
  },
  {
    name: "GET /venues/{slug}",
    need: "read",
    success: 200,
    call: (h) =>
      venueOne.GET(
        get("/api/v1/venues/russian-consulate-general-istanbul", h),
        slug("russian-consulate-general-istanbul"),
      ),
  },
  {
    name: "PATCH /venues/{slug}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getVenueOrThrow(SYSTEM, "matrix-venue");
      return venueOne.PATCH(
        json("PATCH", "/api/v1/venues/matrix-venue", { version, note: `note ${++n}` }, h),
        slug("matrix-venue"),
      );
    },
  },
  {
    name: "DELETE /venues/{slug}",
    need: "admin",
    success: 200,
    call: (h) => venueOne.DELETE(json("DELETE", "/api/v1/venues/matrix-venue", {}, h), slug("matrix-venue")),
  },
  {
    name: "POST /venues/{slug}/restore",
    need: "admin",
    success: 200,
    call: (h) => venueRestore.POST(json("POST", "/api/v1/venues/matrix-venue/restore", {}, h), slug("matrix-venue")),
  },
  {
    name: "POST /venues/{slug}/merge",
    need: "admin",
    success: 200,
    prepare: async () =>
      (await createVenue(SYSTEM, { name: `Duplicate ${++n}`, city: "Geneva", country: "Switzerland" })).slug,
    call: (h, dupe) =>
      venueMerge.POST(json("POST", `/api/v1/venues/${dupe}/merge`, { into: "matrix-venue" }, h), slug(dupe)),
  },
  {
    name: "GET /openapi.json",
    need: "read",
    success: 200,
    call: (h) => openapi.GET(get("/api/v1/openapi.json", h), none),
  },
  {
    name: "GET /overview",
    need: "read",
    success: 200,
    call: (h) => overview.GET(get("/api/v1/overview", h), none),
    check: (body) => expect(body.totalGrievances).toBeGreaterThan(0),
  },
  {
    name: "GET /citations/{id}",
    need: "read",
    success: 200,
    call: (h) => citationOne.GET(get(`/api/v1/citations/${citationId}`, h), byId(citationId)),
    check: (body) => expect(body).toMatchObject({ id: citationId, source: { id: sourceId } }),
  },
  {
    name: "PATCH /citations/{id}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getCitation(SYSTEM, citationId);
      return citationOne.PATCH(
        json("PATCH", `/api/v1/citations/${citationId}`, { version, quote: `Matrix quote ${++n}.` }, h),
        byId(citationId),
      );
    },
  },
  {
    name: "GET /citations/{id}/revisions",
    need: "read",
    success: 200,
    call: (h) => citationRevisions.GET(get(`/api/v1/citations/${citationId}/revisions`, h), byId(citationId)),
  },
  {
    name: "DELETE /citations/{id}",
    need: "admin",
    success: 200,
    call: (h) => citationOne.DELETE(json("DELETE", `/api/v1/citations/${citationId}`, {}, h), byId(citationId)),
    check: (body) => expect(body.deletedAt).not.toBeNull(),
  },
  {
    name: "POST /citations/{id}/restore",
    need: "admin",
    success: 200,
    call: (h) => citationRestore.POST(json("POST", `/api/v1/citations/${citationId}/restore`, {}, h), byId(citationId)),
    check: (body) => expect(body.deletedAt).toBeNull(),
  },
  {
    name: "GET /sources/{id}",
    need: "read",
    success: 200,
    call: (h) => sourceOne.GET(get(`/api/v1/sources/${sourceId}`, h), byId(sourceId)),
  },
  {
    name: "PATCH /sources/{id}",
    need: "write",
    success: 200,
    call: async (h) => {
      const { version } = await getSource(SYSTEM, sourceId);
      return sourceOne.PATCH(
        json("PATCH", `/api/v1/sources/${sourceId}`, { version, note: `note ${++n}` }, h),
        byId(sourceId),
      );
    },
  },
  {
    name: "GET /sources/{id}/revisions",
    need: "read",
    success: 200,
    call: (h) => sourceRevisions.GET(get(`/api/v1/sources/${sourceId}/revisions`, h), byId(sourceId)),
  },
];

/** The ids (or slugs) of a list answer's items. */
const keysOf = (body: { items: Array<{ id?: string; slug?: string }> }) => body.items.map((i) => i.slug ?? i.id);

// Soft delete: the deleted records of beforeAll are in no default list, are read by admins only
// (404 for the other roles, as if they did not exist), and `?deleted=1` lists them for admins only.
CASES.push(
  {
    name: "GET /grievances leaves the deleted out",
    need: "read",
    success: 200,
    call: (h) => grievanceList.GET(get(`/api/v1/grievances?q=${encodeURIComponent(GONE_TITLE)}`, h), none),
    check: (body) => {
      expect(keysOf(body)).not.toContain(gone.grievance);
      expect(body.total).toBe(body.items.length);
    },
  },
  {
    name: "GET /grievances?deleted=1",
    need: "admin",
    success: 200,
    call: (h) => grievanceList.GET(get("/api/v1/grievances?deleted=1", h), none),
    check: (body) => {
      expect(keysOf(body)).toContain(gone.grievance);
      expect(body.items.every((g: { deletedAt: string | null }) => g.deletedAt !== null)).toBe(true);
    },
  },
  {
    name: "GET /grievances/{deleted id}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      grievanceOne.GET(get(`/api/v1/grievances/${gone.grievance}`, h), {
        params: Promise.resolve({ id: gone.grievance }),
      }),
    check: (body) => expect(body).toMatchObject({ id: gone.grievance, deletedAt: expect.any(String) }),
  },
  {
    name: "GET /grievances/{deleted id}/history",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      grievanceHistory.GET(get(`/api/v1/grievances/${gone.grievance}/history`, h), {
        params: Promise.resolve({ id: gone.grievance }),
      }),
    check: (body) => expect(body.items.length).toBeGreaterThan(0),
  },
  {
    name: "GET /grievances/{deleted id}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      grievanceRevisions.GET(get(`/api/v1/grievances/${gone.grievance}/revisions`, h), {
        params: Promise.resolve({ id: gone.grievance }),
      }),
    check: (body) => expect(body.items.map((r: { action: string }) => r.action)).toContain("delete"),
  },
  {
    name: "GET /meetings leaves the deleted out",
    need: "read",
    success: 200,
    call: (h) => meetingList.GET(get(`/api/v1/meetings?limit=100`, h), none),
    check: (body) => {
      expect(body.nextCursor).toBeNull();
      expect(keysOf(body)).not.toContain(gone.meeting);
    },
  },
  {
    name: "GET /meetings?deleted=1",
    need: "admin",
    success: 200,
    call: (h) => meetingList.GET(get("/api/v1/meetings?deleted=1", h), none),
    check: (body) => expect(keysOf(body)).toContain(gone.meeting),
  },
  {
    name: "GET /meetings/{deleted id}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      meetingOne.GET(get(`/api/v1/meetings/${gone.meeting}`, h), { params: Promise.resolve({ id: gone.meeting }) }),
    check: (body) => expect(body).toMatchObject({ id: gone.meeting, deletedAt: expect.any(String) }),
  },
  {
    name: "GET /meetings/{deleted id}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      meetingRevisions.GET(get(`/api/v1/meetings/${gone.meeting}/revisions`, h), {
        params: Promise.resolve({ id: gone.meeting }),
      }),
  },
  {
    name: "GET /parties leaves the deleted out",
    need: "read",
    success: 200,
    call: (h) => partyList.GET(get("/api/v1/parties", h), none),
    check: (body) => expect(keysOf(body)).not.toContain(gone.party),
  },
  {
    name: "GET /parties?deleted=1",
    need: "admin",
    success: 200,
    call: (h) => partyList.GET(get("/api/v1/parties?deleted=1", h), none),
    check: (body) => expect(keysOf(body)).toContain(gone.party),
  },
  {
    name: "GET /parties/{deleted slug}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => partyOne.GET(get(`/api/v1/parties/${gone.party}`, h), slug(gone.party)),
    check: (body) => expect(body).toMatchObject({ slug: gone.party, deletedAt: expect.any(String) }),
  },
  {
    name: "GET /parties/{deleted slug}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => partyRevisions.GET(get(`/api/v1/parties/${gone.party}/revisions`, h), slug(gone.party)),
  },
  {
    name: "GET /venues leaves the deleted out",
    need: "read",
    success: 200,
    call: (h) => venueList.GET(get("/api/v1/venues", h), none),
    check: (body) => expect(keysOf(body)).not.toContain(gone.venue),
  },
  {
    name: "GET /venues?deleted=1",
    need: "admin",
    success: 200,
    call: (h) => venueList.GET(get("/api/v1/venues?deleted=1", h), none),
    check: (body) => expect(keysOf(body)).toContain(gone.venue),
  },
  {
    name: "GET /venues/{deleted slug}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => venueOne.GET(get(`/api/v1/venues/${gone.venue}`, h), slug(gone.venue)),
    check: (body) => expect(body).toMatchObject({ slug: gone.venue, deletedAt: expect.any(String) }),
  },
  {
    name: "GET /venues/{deleted slug}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => venueRevisions.GET(get(`/api/v1/venues/${gone.venue}/revisions`, h), slug(gone.venue)),
  },
  {
    name: "GET /citations/{deleted id}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => citationOne.GET(get(`/api/v1/citations/${gone.citation}`, h), byId(gone.citation)),
    check: (body) => expect(body).toMatchObject({ id: gone.citation, deletedAt: expect.any(String) }),
  },
  {
    name: "GET /citations/{deleted id}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => citationRevisions.GET(get(`/api/v1/citations/${gone.citation}/revisions`, h), byId(gone.citation)),
    check: (body) => expect(body.items.map((r: { action: string }) => r.action)).toContain("delete"),
  },
  {
    name: "GET /citations/{id on a deleted grievance}",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) => citationOne.GET(get(`/api/v1/citations/${gone.grievanceCitation}`, h), byId(gone.grievanceCitation)),
    check: (body) =>
      expect(body).toMatchObject({ deletedAt: null, record: { id: gone.grievance, deletedAt: expect.any(String) } }),
  },
  {
    name: "GET /citations/{id on a deleted grievance}/revisions",
    need: "admin",
    hidden: true,
    success: 200,
    call: (h) =>
      citationRevisions.GET(
        get(`/api/v1/citations/${gone.grievanceCitation}/revisions`, h),
        byId(gone.grievanceCitation),
      ),
  },
  {
    name: "GET /sources/{id} lists the hidden quotes to admins only",
    need: "read",
    success: 200,
    call: (h) => sourceOne.GET(get(`/api/v1/sources/${sourceId}`, h), byId(sourceId)),
    check: (body, identity) => {
      const listed = body.citations.map((c: { id: string }) => c.id);
      expect(listed).toContain(citationId);
      for (const hidden of [gone.citation, gone.grievanceCitation]) {
        if (identity === "admin") expect(listed).toContain(hidden);
        else expect(listed).not.toContain(hidden);
      }
    },
  },
);

const RANK: Record<Need, number> = { read: 1, write: 2, admin: 3 };
const ROLE_RANK: Partial<Record<Identity, number>> = { viewer: 1, viewerSession: 1, analyst: 2, admin: 3 };

function expected(identity: Identity, { need, hidden }: Case): { status: number; code?: string } {
  const rank = ROLE_RANK[identity];
  if (rank === undefined) return { status: 401, code: "UNAUTHENTICATED" };
  if (rank >= RANK[need]) return { status: 0 };
  return hidden ? { status: 404, code: "NOT_FOUND" } : { status: 403, code: "FORBIDDEN" };
}

const IDENTITIES: Identity[] = [
  "anonymous",
  "viewer",
  "viewerSession",
  "analyst",
  "admin",
  "deactivated",
  "revokedToken",
];

describe.each(IDENTITIES)("as %s", (identity) => {
  it.each(CASES)("$name", async (testCase) => {
    const want = expected(identity, testCase);
    const prepared = (await testCase.prepare?.()) ?? "";
    const headers = headersFor.get(identity)!;
    if (want.status === 0) {
      const response = await testCase.call(headers, prepared);
      expect(response.status, await response.clone().text()).toBe(testCase.success);
      testCase.check?.(await response.json(), identity);
      return;
    }
    const response = await expectNothingChanged(() => testCase.call(headers, prepared), testCase.name);
    expect(response.status).toBe(want.status);
    const body = await response.json();
    expect(body).toEqual({ error: { code: want.code, message: expect.any(String), issues: [] } });
  });
});

describe("cookie sessions and cross-site requests", () => {
  it("refuses a cookie-authenticated mutation from another site, and one sent as text/plain", async () => {
    const cookie = headersFor.get("viewerSession")!;
    const crossSite = new Request(url("/api/v1/parties"), {
      method: "POST",
      headers: {
        ...cookie,
        "content-type": "application/json",
        origin: "https://evil.example",
        host: "localhost",
        "sec-fetch-site": "cross-site",
      },
      body: JSON.stringify({ name: "Evil" }),
    });
    expect((await partyList.POST(crossSite, none)).status).toBe(403);
    const textPlain = new Request(url("/api/v1/parties"), {
      method: "POST",
      headers: { ...cookie, "content-type": "text/plain", origin: "http://localhost", host: "localhost" },
      body: JSON.stringify({ name: "Evil" }),
    });
    expect((await partyList.POST(textPlain, none)).status).toBe(415);
  });
});
