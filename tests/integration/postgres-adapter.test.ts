import pg from "pg";
import { describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { PrismaClient } from "@/lib/generated/prisma-pg/client";
import { createPostgresAdapter } from "@/lib/postgres-adapter";

// pg queues a query sent while its connection is busy, but warns that this is deprecated and
// will be removed in pg 9. Inside a transaction Prisma loads a record's relations side by side
// on the transaction's one connection (the grievance page's parties, history, citations and
// agenda); lib/postgres-adapter.ts makes each wait for the one before it. The probe is pg's own
// condition: a query arriving while its connection runs another or has others waiting.

const target = resolveDatabaseTarget();

describe.runIf(target.kind === "postgresql")("the PostgreSQL adapter", () => {
  it("hands a transaction's concurrent relation reads to the connection one at a time", async () => {
    const original = pg.Client.prototype.query;
    const sent: Array<{ sql: string; busy: boolean }> = [];
    pg.Client.prototype.query = function (this: { _queryQueue: unknown[]; activeQuery: unknown }, ...args: unknown[]) {
      const config = args[0] as string | { text?: string };
      const sql = typeof config === "string" ? config : (config?.text ?? "");
      sent.push({ sql, busy: this._queryQueue.length > 0 || Boolean(this.activeQuery) });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    // A client of its own, so its connections are opened (and patched) after the probe is in place.
    const db = new PrismaClient({ adapter: createPostgresAdapter(target.url, { max: 1 }) });
    try {
      const party = await db.party.create({ data: { slug: "pa-a", name: "A", kind: "STATE", searchText: "a" } });
      const { id } = await db.grievance.create({
        data: {
          title: "Visas",
          category: "OTHER",
          status: "OPEN",
          lastMovedAt: new Date(),
          searchText: "visas",
          parties: { create: [{ partyId: party.id, role: "RAISED_BY" }] },
          history: { create: [{ toStatus: "OPEN", reason: "Raised", occurredAt: new Date() }] },
        },
        select: { id: true },
      });
      sent.length = 0;
      const read = await db.$transaction((tx) =>
        tx.grievance.findUniqueOrThrow({
          where: { id },
          select: { parties: true, history: true, citations: true, agenda: true },
        }),
      );
      expect([read.parties.length, read.history.length, read.citations.length, read.agenda.length]).toEqual([
        1, 1, 0, 0,
      ]);
      expect(
        sent.filter((q) => /"(GrievanceParty|GrievanceStatusChange|Citation|AgendaItem)"/.test(q.sql)),
      ).toHaveLength(4);
      expect(sent.filter((q) => q.busy).map((q) => q.sql.slice(0, 80))).toEqual([]);
    } finally {
      pg.Client.prototype.query = original;
      await db.$disconnect();
    }
  });
});
