import { createGrievance } from "@/lib/server/grievances";
import { SYSTEM, type Actor } from "@/lib/server/authz";
import { createMeeting } from "@/lib/server/meetings";
import { createParty } from "@/lib/server/parties";
import { createVenue } from "@/lib/server/venues";
import { seedDatabase } from "@/lib/server/seed";

// Factories shared by the integration tests: each makes a valid record through lib/server, with
// overrides for what a test cares about.

/** A signed-in user of `role`, as the request guards hand one to lib/server; no row behind it. */
export function userActor(
  role: "viewer" | "analyst" | "admin",
  via: "session" | "token" = "token",
): Extract<Actor, { kind: "user" }> {
  return { kind: "user", id: `${role}-id`, name: role, email: `${role}@example.org`, role, via };
}

let counter = 0;
const next = () => ++counter;

export async function makeParty(overrides: Record<string, unknown> = {}) {
  const n = next();
  return createParty(SYSTEM, { name: `Party ${n}`, slug: `party-${n}`, ...overrides });
}

export async function makeVenue(overrides: Record<string, unknown> = {}) {
  const n = next();
  return createVenue(SYSTEM, {
    name: `Venue ${n}`,
    slug: `venue-${n}`,
    city: "Geneva",
    country: "Switzerland",
    ...overrides,
  });
}

export async function makeMeeting(overrides: Record<string, unknown> = {}) {
  return createMeeting(SYSTEM, { title: `Round ${next()}`, date: "2025-05-01", status: "HELD", ...overrides });
}

/**
 * Raised before any round the tests hold (their meetings are dated in 2025), since nothing can
 * move a grievance before it was raised; a test that names `raisedAt` or `meetingId` says when.
 */
export const FACTORY_RAISED_AT = "2024-01-01";

export async function makeGrievance(overrides: Record<string, unknown> = {}) {
  const raisedBy = (overrides.raisedBy as string[] | undefined) ?? [(await makeParty()).slug];
  const addressedTo = (overrides.addressedTo as string[] | undefined) ?? [(await makeParty()).slug];
  const raisedAt = "raisedAt" in overrides || "meetingId" in overrides ? {} : { raisedAt: FACTORY_RAISED_AT };
  return createGrievance(SYSTEM, {
    title: `Grievance ${next()}`,
    category: "OTHER",
    ...raisedAt,
    ...overrides,
    raisedBy,
    addressedTo,
  });
}

export { seedDatabase };
