import { describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/server/authz";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { getDb } from "@/lib/server/db";
import { mutate } from "@/lib/server/mutation";

// PostgreSQL aborts one of two transactions that wait on each other's row locks (40P01) and the
// other goes on. The aborted one committed nothing, so, like a stale version, it is a CONFLICT to
// try again and never a 500. (SQLite has no deadlock: BEGIN IMMEDIATE takes the one write lock
// first, db.ts.) The two parties' names are the rows each transaction locks, in opposite orders.

const onPostgres = () => resolveDatabaseTarget().kind === "postgresql";

describe.runIf(onPostgres())("two transactions locking the same rows in opposite orders", () => {
  it("one is a CONFLICT to retry, the other commits, and the loser changed nothing", async () => {
    const db = await getDb();
    const make = (slug: string) => db.party.create({ data: { slug, name: slug, kind: "STATE", searchText: slug } });
    const [a, b] = [await make("lock-a"), await make("lock-b")];
    let arrived = 0;
    let release!: () => void;
    const bothLocked = new Promise<void>((resolve) => (release = resolve));
    const crossing = (first: string, second: string, name: string) =>
      mutate(SYSTEM, { permission: "write" }, async (tx) => {
        await tx.party.update({ where: { id: first }, data: { name } });
        if (++arrived === 2) release();
        await bothLocked;
        await tx.party.update({ where: { id: second }, data: { name } });
        return name;
      });
    const results = await Promise.allSettled([crossing(a.id, b.id, "one"), crossing(b.id, a.id, "two")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({
      code: "CONFLICT",
      message: "Another writer was changing the same records at the same time; try again",
    });
    const winner = (won[0] as PromiseFulfilledResult<string>).value;
    const names = (await db.party.findMany({ where: { id: { in: [a.id, b.id] } }, select: { name: true } })).map(
      (p) => p.name,
    );
    expect(names).toEqual([winner, winner]);
  });
});
