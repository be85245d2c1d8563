import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { mutate } from "@/lib/server/mutation";

// Another process on the same SQLite file (a second instance, a script, a backup) can hold the
// write lock longer than the busy timeout (10 s, lib/server/db.ts). The write that waited for it
// committed nothing, so, like a deadlock on PostgreSQL (deadlock.test.ts), it is a CONFLICT to
// try again, never a 500. The other connection here stands in for the other process: SQLite's
// lock is per connection, and better-sqlite3's wait is synchronous, so this test takes the 10 s.

const target = resolveDatabaseTarget();

describe.runIf(target.kind === "sqlite")("a write that cannot get SQLite's lock within the busy timeout", () => {
  it("is a CONFLICT to retry, and it wrote nothing", { timeout: 60_000 }, async () => {
    const db = await getDb();
    await db.party.count(); // the client connects (and sets its pragmas) before the lock is taken
    const other = new Database(target.kind === "sqlite" ? target.filePath : "");
    other.exec("BEGIN IMMEDIATE");
    let refusal: unknown;
    try {
      await mutate(SYSTEM, { permission: "write" }, (tx) =>
        tx.party.create({ data: { slug: "locked-out", name: "Locked out", kind: "STATE", searchText: "locked out" } }),
      );
    } catch (error) {
      refusal = error;
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(refusal).toMatchObject({ code: "CONFLICT", message: "The database is busy with other changes; try again" });
    expect(await db.party.count({ where: { slug: "locked-out" } })).toBe(0);
  });
});
