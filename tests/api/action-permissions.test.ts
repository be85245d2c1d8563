import { beforeAll, describe, expect, it, vi } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getAuth } from "@/lib/server/auth";
import { getCitation, getSource } from "@/lib/server/citations";
import { createGrievance, getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { getDb } from "@/lib/server/db";
import { createMeeting, getMeetingOrThrow, listMeetings } from "@/lib/server/meetings";
import { createParty, getPartyOrThrow } from "@/lib/server/parties";
import { createVenue, getVenueOrThrow } from "@/lib/server/venues";
import { seedDatabase } from "@/lib/server/seed";
import { createApiToken, revokeApiToken } from "@/lib/server/tokens";
import { createUser, deactivateUser } from "@/lib/server/users";
import { expectNothingChanged } from "../support/fingerprint";

// The server-action half of the permission matrix: every action is a public POST endpoint, so
// each is called as Next would call it, with the request headers of {anonymous, viewer,
// analyst, admin, deactivated user, revoked token}, and must refuse with UNAUTHENTICATED or
// FORBIDDEN exactly when the role does not allow it, and act when it does. A refused action
// changes no row of any table (a whole-database fingerprint before and after).

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, set: () => undefined, getAll: () => [] }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectedTo: url });
  },
}));

const grievanceActions = await import("@/lib/actions/grievances");
const bulkStatusActions = await import("@/lib/actions/bulk-status");
const meetingActions = await import("@/lib/actions/meetings");
const recordActions = await import("@/lib/actions/records");
const adminActions = await import("@/lib/actions/admin");
const sourceActions = await import("@/lib/actions/sources");

type Identity = "anonymous" | "viewer" | "analyst" | "admin" | "deactivated" | "revokedToken";
type Need = "write" | "admin";
const PASSWORD = "a long test password";
const identityHeaders = new Map<Identity, Headers>();
let grievanceId = "";
let meetingId = "";
/** A round held today: an outcome there is dated after the grievance was raised, whenever that was. */
let outcomeMeetingId = "";
let viewerId = "";
/** A quote and its source of the matrix's own: edited, deleted and restored by it. */
let citationId = "";
let sourceId = "";
let n = 0;

beforeAll(async () => {
  await seedDatabase();
  grievanceId = (await listGrievances(SYSTEM, { q: "embassy staff" })).items[0]!.id;
  meetingId = (await listMeetings(SYSTEM, {})).items[0]!.id;
  outcomeMeetingId = (
    await createMeeting(SYSTEM, { title: "Matrix round", date: new Date().toISOString().slice(0, 10), status: "HELD" })
  ).id;
  // Named by nothing, so an admin may delete them.
  await createParty(SYSTEM, { name: "Matrix Party", slug: "matrix-party" });
  await createVenue(SYSTEM, { name: "Matrix Venue", slug: "matrix-venue", city: "Geneva", country: "Switzerland" });
  const quoted = await createGrievance(SYSTEM, {
    title: "Matrix quoted grievance",
    category: "OTHER",
    raisedBy: ["russia"],
    addressedTo: ["united-states"],
    citations: [{ quote: "Matrix quote.", source: "https://example.org/matrix-source" }],
  });
  citationId = quoted.citations[0]!.id;
  sourceId = quoted.citations[0]!.source.id;
  identityHeaders.set("anonymous", new Headers());
  const auth = await getAuth();
  for (const role of ["viewer", "analyst", "admin"] as const) {
    const user = await createUser(SYSTEM, { email: `${role}@example.org`, role, password: PASSWORD });
    if (role === "viewer") viewerId = user.id;
    // Browsers call actions with the session cookie.
    const { headers } = await auth.api.signInEmail({
      body: { email: user.email, password: PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    identityHeaders.set(
      role,
      new Headers({
        cookie: headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      }),
    );
  }
  const leaver = await createUser(SYSTEM, { email: "leaver@example.org", role: "admin", password: PASSWORD });
  const { headers } = await auth.api.signInEmail({
    body: { email: leaver.email, password: PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  identityHeaders.set(
    "deactivated",
    new Headers({
      cookie: headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    }),
  );
  await deactivateUser(SYSTEM, leaver.id);
  const holder = await createUser(SYSTEM, { email: "holder@example.org", role: "admin", password: PASSWORD });
  const revoked = await createApiToken(SYSTEM, holder.id, { name: "matrix" });
  await revokeApiToken(SYSTEM, revoked.summary.id);
  identityHeaders.set("revokedToken", new Headers({ authorization: `Bearer ${revoked.token}` }));
});

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

const idle = { status: "idle" } as never;
type Outcome = { kind: "refused"; code: string } | { kind: "acted" };

/** Runs an action; a redirect (how creates end) counts as acting. */
async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const state = (await run()) as { status?: string; code?: string } | undefined;
    if (state?.status === "error" && (state.code === "UNAUTHENTICATED" || state.code === "FORBIDDEN"))
      return { kind: "refused", code: state.code };
    expect(state?.status, JSON.stringify(state)).toBe("ok");
    return { kind: "acted" };
  } catch (error) {
    if ((error as { redirectedTo?: string }).redirectedTo) return { kind: "acted" };
    throw error;
  }
}

const version = async () => (await getGrievanceOrThrow(SYSTEM, grievanceId)).version;
const meetingVersion = async () => (await getMeetingOrThrow(SYSTEM, meetingId)).version;

type Case = {
  name: string;
  need: Need;
  /** Rows the action needs that are not part of it (a record to act on), written before the fingerprint. */
  prepare?: () => Promise<string>;
  run: (prepared: string) => Promise<unknown>;
};

const CASES: Case[] = [
  {
    name: "changeGrievanceStatusAction",
    need: "write",
    run: async () => {
      const g = await getGrievanceOrThrow(SYSTEM, grievanceId);
      const status = g.status === "STALLED" ? "OPEN" : "STALLED";
      return grievanceActions.changeGrievanceStatusAction(
        idle,
        form({ id: grievanceId, status, reason: "matrix", version: String(g.version) }),
      );
    },
  },
  {
    name: "changeGrievanceStatusesAction",
    need: "write",
    run: async () => {
      const g = await getGrievanceOrThrow(SYSTEM, grievanceId);
      const status = g.status === "STALLED" ? "OPEN" : "STALLED";
      return bulkStatusActions.changeGrievanceStatusesAction(
        idle,
        form({ status, reason: "matrix", [`versions.${grievanceId}`]: String(g.version) }),
      );
    },
  },
  {
    name: "updateGrievanceAction",
    need: "write",
    run: async () =>
      grievanceActions.updateGrievanceAction(
        idle,
        form({
          id: grievanceId,
          version: String(await version()),
          title: `Limited embassy staff ${++n}`,
          category: "STAFFING",
          raisedBy: ["united-states", "russia"],
          addressedTo: ["united-states", "russia"],
        }),
      ),
  },
  {
    name: "createGrievanceAction",
    need: "write",
    run: () =>
      grievanceActions.createGrievanceAction(
        idle,
        form({ title: `Matrix ${++n}`, category: "OTHER", raisedBy: ["russia"], addressedTo: ["turkiye"] }),
      ),
  },
  {
    name: "deleteGrievanceAction",
    need: "admin",
    run: () => grievanceActions.deleteGrievanceAction(idle, form({ id: grievanceId })),
  },
  {
    name: "restoreGrievanceAction",
    need: "admin",
    run: () => grievanceActions.restoreGrievanceAction(idle, form({ id: grievanceId })),
  },
  {
    name: "createMeetingAction",
    need: "write",
    run: () => meetingActions.createMeetingAction(idle, form({ title: `Round ${++n}`, status: "PLANNED" })),
  },
  {
    name: "updateMeetingAction",
    need: "write",
    run: async () =>
      meetingActions.updateMeetingAction(
        idle,
        form({ id: meetingId, version: String(await meetingVersion()), summary: `summary ${++n}` }),
      ),
  },
  {
    name: "changeMeetingStatusAction",
    need: "write",
    // A held meeting cannot move: this one is created planned for each call.
    prepare: async () => (await createMeeting(SYSTEM, { title: `Planned ${++n}` })).id,
    run: (id) =>
      meetingActions.changeMeetingStatusAction(idle, form({ id, version: "1", status: "POSTPONED", reason: "matrix" })),
  },
  {
    name: "logMeetingOutcomeAction",
    need: "write",
    run: () =>
      meetingActions.logMeetingOutcomeAction(
        idle,
        form({ id: outcomeMeetingId, "outcomes.0.grievanceId": grievanceId, "outcomes.0.note": `note ${++n}` }),
      ),
  },
  {
    name: "deleteMeetingAction",
    need: "admin",
    run: () => meetingActions.deleteMeetingAction(idle, form({ id: meetingId })),
  },
  {
    name: "restoreMeetingAction",
    need: "admin",
    run: () => meetingActions.restoreMeetingAction(idle, form({ id: meetingId })),
  },
  {
    name: "createPartyAction",
    need: "write",
    run: () => recordActions.createPartyAction(idle, form({ name: `Party ${++n}` })),
  },
  {
    name: "createVenueAction",
    need: "write",
    run: () =>
      recordActions.createVenueAction(idle, form({ name: `Venue ${++n}`, city: "Geneva", country: "Switzerland" })),
  },
  {
    name: "createUserAction",
    need: "admin",
    run: () =>
      adminActions.createUserAction(idle, form({ email: `new${++n}@example.org`, role: "viewer", password: PASSWORD })),
  },
  {
    name: "changeUserRoleAction",
    need: "admin",
    run: () => adminActions.changeUserRoleAction(idle, form({ id: viewerId, role: "viewer" })),
  },
  {
    name: "revokeUserSessionsAction",
    need: "admin",
    run: () => adminActions.revokeUserSessionsAction(idle, form({ id: viewerId })),
  },
  {
    name: "deactivateUserAction",
    need: "admin",
    prepare: async () =>
      (await createUser(SYSTEM, { email: `gone${++n}@example.org`, role: "viewer", password: PASSWORD })).id,
    run: (id) => adminActions.deactivateUserAction(idle, form({ id })),
  },
  {
    name: "reactivateUserAction",
    need: "admin",
    run: () => adminActions.reactivateUserAction(idle, form({ id: viewerId })),
  },
  {
    name: "revokeApiTokenAction",
    need: "admin",
    prepare: async () => (await createApiToken(SYSTEM, viewerId, { name: `r${++n}` })).summary.id,
    run: (id) => adminActions.revokeApiTokenAction(idle, form({ id })),
  },
  {
    name: "createApiTokenAction",
    need: "admin",
    run: () => adminActions.createApiTokenAction(idle, form({ id: viewerId, name: `t${++n}` })),
  },
];

/** Edit, delete, restore and merge of a party or a venue, on the matrix's own record. */
function sluggedCases(
  noun: "Party" | "Venue",
  read: (slug: string) => Promise<{ version: number }>,
  duplicate: () => Promise<{ slug: string }>,
  edit: Record<string, string>,
): Case[] {
  const id = `matrix-${noun.toLowerCase()}`;
  const action = (verb: string) => recordActions[`${verb}${noun}Action` as keyof typeof recordActions];
  return [
    {
      name: `update${noun}Action`,
      need: "write",
      run: async () => action("update")(idle, form({ id, version: String((await read(id)).version), ...edit })),
    },
    { name: `delete${noun}Action`, need: "admin", run: () => action("delete")(idle, form({ id })) },
    { name: `restore${noun}Action`, need: "admin", run: () => action("restore")(idle, form({ id })) },
    {
      name: `merge${noun}Action`,
      need: "admin",
      prepare: async () => (await duplicate()).slug,
      run: (duplicateSlug) => action("merge")(idle, form({ id: duplicateSlug, into: id })),
    },
  ];
}

CASES.push(
  ...sluggedCases(
    "Party",
    (slug) => getPartyOrThrow(SYSTEM, slug),
    () => createParty(SYSTEM, { name: `Duplicate ${++n}` }),
    { shortName: "MP" },
  ),
  ...sluggedCases(
    "Venue",
    (slug) => getVenueOrThrow(SYSTEM, slug),
    () => createVenue(SYSTEM, { name: `Duplicate ${++n}`, city: "Geneva", country: "Switzerland" }),
    { note: "Matrix" },
  ),
  {
    name: "updateCitationAction",
    need: "write",
    run: async () =>
      sourceActions.updateCitationAction(
        idle,
        form({
          id: citationId,
          version: String((await getCitation(SYSTEM, citationId)).version),
          quote: `Matrix quote ${++n}.`,
        }),
      ),
  },
  {
    name: "deleteCitationAction",
    need: "admin",
    run: () => sourceActions.deleteCitationAction(idle, form({ id: citationId })),
  },
  {
    name: "restoreCitationAction",
    need: "admin",
    run: () => sourceActions.restoreCitationAction(idle, form({ id: citationId })),
  },
  {
    name: "updateSourceAction",
    need: "write",
    run: async () =>
      sourceActions.updateSourceAction(
        idle,
        form({ id: sourceId, version: String((await getSource(SYSTEM, sourceId)).version), note: `Note ${++n}` }),
      ),
  },
  {
    name: "updateAgendaNoteAction",
    need: "write",
    run: async () => {
      const db = await getDb();
      const item = await db.agendaItem.findFirstOrThrow({
        where: { deletedAt: null, meeting: { deletedAt: null }, grievance: { deletedAt: null } },
        orderBy: { id: "asc" },
      });
      return recordActions.updateAgendaNoteAction(
        idle,
        form({ id: item.id, version: String(item.version), note: `Note ${++n}` }),
      );
    },
  },
);

const RANK: Record<Exclude<Identity, "anonymous" | "deactivated" | "revokedToken">, number> = {
  viewer: 1,
  analyst: 2,
  admin: 3,
};
const NEED: Record<Need, number> = { write: 2, admin: 3 };
// The admin goes last: it revokes the viewer's sessions, which the viewer rows need first.
const IDENTITIES: Identity[] = ["anonymous", "deactivated", "revokedToken", "viewer", "analyst", "admin"];

describe.each(IDENTITIES)("server actions as %s", (identity) => {
  it.each(CASES)("$name", async ({ name, need, prepare, run }) => {
    const prepared = (await prepare?.()) ?? "";
    requestHeaders = identityHeaders.get(identity)!;
    const rank = RANK[identity as keyof typeof RANK];
    const refusal = rank === undefined ? "UNAUTHENTICATED" : rank < NEED[need] ? "FORBIDDEN" : null;
    if (!refusal) {
      expect(await outcome(() => run(prepared))).toEqual({ kind: "acted" });
      return;
    }
    const result = await expectNothingChanged(() => outcome(() => run(prepared)), name);
    expect(result).toEqual({ kind: "refused", code: refusal });
  });
});
