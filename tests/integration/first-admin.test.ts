import { beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { createFirstAdmin, createUser, needsFirstAdmin } from "@/lib/server/users";
import { expectNothingChanged } from "../support/fingerprint";

// The first-run page creates one admin, once per database: the empty user table is the only
// permission it has, so a second attempt (another tab, another instance, a replayed form) must be
// refused even when it runs at the same moment as the first. The SetupLock row with a fixed id is
// the check that holds under a race (two transactions that both count no user); counting users
// alone is not.

const PASSWORD = "a long test password";

beforeEach(async () => {
  // Each test starts from a database as the first start leaves it: no user, no lock.
  const db = await getDb();
  await db.user.deleteMany();
  await db.setupLock.deleteMany();
});

async function admins(): Promise<string[]> {
  const db = await getDb();
  return (await db.user.findMany({ where: { role: "admin" }, select: { email: true } })).map((u) => u.email);
}

describe("createFirstAdmin", () => {
  it("creates an admin on an empty database, and refuses a second one without writing anything", async () => {
    expect(await needsFirstAdmin()).toBe(true);
    await expect(createFirstAdmin({ email: "first@example.org", password: PASSWORD })).resolves.toMatchObject({
      email: "first@example.org",
      role: "admin",
    });
    const second = await expectNothingChanged(() =>
      createFirstAdmin({ email: "second@example.org", password: PASSWORD }).catch((error: unknown) => error),
    );
    expect(second).toMatchObject({ code: "FORBIDDEN", message: "An admin exists already; sign in instead" });
    expect(await admins()).toEqual(["first@example.org"]);
  });

  it("lets one of five simultaneous attempts through: one admin, four refusals", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => createFirstAdmin({ email: `racer-${i}@example.org`, password: PASSWORD })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(4).fill("FORBIDDEN"));
    expect(await admins()).toHaveLength(1);
    const db = await getDb();
    expect(await db.user.count()).toBe(1);
  });

  it("is refused once any user exists, even one who is not an admin", async () => {
    await createUser(SYSTEM, { email: "script-made@example.org", role: "viewer", password: PASSWORD });
    const refused = await expectNothingChanged(() =>
      createFirstAdmin({ email: "late@example.org", password: PASSWORD }).catch((error: unknown) => error),
    );
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await admins()).toEqual([]);
  });

  it("happens once per database: the lock outlives the users it let in", async () => {
    await createFirstAdmin({ email: "first@example.org", password: PASSWORD });
    // Whatever empties the user table later (a restore gone wrong, a manual edit), the first-run
    // page must not hand the database to whoever finds it next.
    const db = await getDb();
    await db.user.deleteMany();
    const refused = await createFirstAdmin({ email: "squatter@example.org", password: PASSWORD }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.user.count()).toBe(0);
  });
});
