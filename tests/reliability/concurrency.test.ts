import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as grievanceList from "@/app/api/v1/grievances/route";
import * as grievanceOne from "@/app/api/v1/grievances/[id]/route";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { getGrievanceHistory, getGrievanceOrThrow } from "@/lib/server/grievances";
import type * as PartiesModule from "@/lib/server/parties";
import { makeGrievance, makeParty } from "../support/factories";
import { tokenFor } from "../api/support";

// Two analysts saving the same record: the second gets 409 with the current record, never a
// silent overwrite; writers that retry on 409 all land, in a consistent order. Over the real
// route handler and database, as a script would hit it.
//
// Within one process these run one transaction at a time on SQLite (the adapter's mutex), so the
// version check at the start of the transaction decides them; on PostgreSQL they interleave and
// the compare-and-set (`updateMany where {id, version}`) does. The last block makes the race that
// one process cannot make on SQLite: another connection (another instance, a script) commits a
// save between this transaction's version check and its write, on both databases.

/**
 * Another writer's commit, made when a transaction under test has read its parties: for a save,
 * after its version check and before its first write; for a create, after its first read. `runs`
 * says how many such lookups it follows.
 */
const between = vi.hoisted(() => ({ runs: 0, other: null as null | (() => Promise<void>), fired: 0 }));
vi.mock("@/lib/server/parties", async (importOriginal) => {
  const original = await importOriginal<typeof PartiesModule>();
  return {
    ...original,
    partyIdsBySlug: async (...args: Parameters<typeof original.partyIdsBySlug>) => {
      const found = await original.partyIdsBySlug(...args);
      if (between.other && between.runs > 0) {
        between.runs--;
        between.fired++;
        await between.other();
      }
      return found;
    },
  };
});

let token = "";
beforeAll(async () => {
  token = await tokenFor("analyst");
});

function patch(id: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost/api/v1/grievances/${id}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return grievanceOne.PATCH(request, { params: Promise.resolve({ id }) });
}

describe("concurrent status changes", () => {
  it("20 saves carrying the same version: one 200, nineteen 409 with the current record, one history row", async () => {
    const g = await makeGrievance();
    const statuses = ["IN_NEGOTIATION", "STALLED", "RESOLVED", "WITHDRAWN", "PARTIALLY_RESOLVED"] as const;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        patch(g.id, { status: statuses[i % statuses.length], reason: `analyst ${i}`, version: 1 }),
      ),
    );
    const codes = responses.map((r) => r.status).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(codes.some((c) => c >= 500)).toBe(false);
    const conflict = await responses.find((r) => r.status === 409)!.json();
    expect(conflict.error).toMatchObject({ code: "CONFLICT", current: { id: g.id, version: 2 } });
    expect(await getGrievanceHistory(SYSTEM, g.id)).toHaveLength(2);
  });

  it("20 writers that retry on 409 all land, and the history has 20 new rows chained from → to", async () => {
    const g = await makeGrievance();
    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const db = await getDb();
        const { version, status } = await db.grievance.findUniqueOrThrow({
          where: { id: g.id },
          select: { version: true, status: true },
        });
        const to = status === "STALLED" ? "IN_NEGOTIATION" : "STALLED";
        const response = await patch(g.id, { status: to, reason: `writer ${i}`, version });
        if (response.status === 200) return attempt;
        expect(response.status).toBe(409);
      }
      throw new Error(`writer ${i} never landed`);
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
    const history = await getGrievanceHistory(SYSTEM, g.id);
    expect(history).toHaveLength(21);
    expect(new Set(history.slice(1).map((h) => h.reason)).size).toBe(20);
    // Consistent order: each row starts where the previous one ended.
    for (let i = 1; i < history.length; i++) expect(history[i]!.from).toBe(history[i - 1]!.to);
    // Up to 20 × 20 attempts; on PostgreSQL, on a loaded machine, that takes a while.
  }, 60_000);
});

/** One statement on a connection of its own, committed at once: another writer on the same database. */
async function onAnotherConnection(sql: string, values: unknown[]): Promise<void> {
  const url = process.env.DATABASE_URL!;
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { timeout: 10_000 });
    try {
      db.prepare(sql.replace(/\$\d+/g, "?")).run(...values);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}

/** The rows a save writes besides the grievance's own (which the other writer also changes). */
async function writtenFor(grievanceId: string) {
  const db = await getDb();
  return {
    history: await db.grievanceStatusChange.count({ where: { grievanceId } }),
    revisions: await db.revision.count({ where: { entityId: grievanceId } }),
    parties: await db.grievanceParty.count({ where: { grievanceId } }),
  };
}

const onSqlite = process.env.DATABASE_URL!.startsWith("file:");

// On SQLite every transaction takes the write lock as it begins (BEGIN IMMEDIATE, lib/server/db.ts),
// so no other connection can commit between its reads and its write: that race exists on
// PostgreSQL only, where each statement reads its own snapshot. What SQLite must show instead is
// below: the other writer waits for the lock, and a save that finds another process holding it
// waits too, rather than failing.
describe.skipIf(onSqlite)("a transaction that another connection overtakes between its reads and its write", () => {
  it("is a 409 for a save, carrying the record as the other writer left it, and writes nothing of its own", async () => {
    const g = await makeGrievance();
    const before = await writtenFor(g.id);
    between.fired = 0;
    between.runs = 1;
    // What another instance's save of version 1 commits: its edit, and the version moved on.
    between.other = () =>
      onAnotherConnection('UPDATE "Grievance" SET "description" = $1, "version" = "version" + 1 WHERE "id" = $2', [
        "theirs",
        g.id,
      ]);
    const response = await patch(g.id, {
      version: 1,
      description: "mine",
      raisedBy: g.raisedBy.map((p) => p.slug),
      status: "STALLED",
      reason: "my move",
    });
    between.other = null;
    expect(between.fired).toBe(1);
    expect(response.status, await response.clone().text()).toBe(409);
    const conflict = await response.json();
    expect(conflict.error).toMatchObject({
      code: "CONFLICT",
      current: { id: g.id, version: 2, description: "theirs" },
    });
    expect(await getGrievanceOrThrow(SYSTEM, g.id)).toMatchObject({
      version: 2,
      status: "OPEN",
      description: "theirs",
    });
    expect(await writtenFor(g.id)).toEqual(before);
  });

  it("lands or is a 409, never a 5xx, when the other writer commits during every try", async () => {
    const { slug } = await makeParty();
    between.fired = 0;
    between.runs = 100;
    // Any commit at all on the same SQLite file makes this transaction's snapshot stale.
    between.other = () =>
      onAnotherConnection('UPDATE "Party" SET "shortName" = $1 WHERE "slug" = $2', [`S${between.fired}`, slug]);
    const title = `Overtaken ${Date.now()}`;
    const response = await grievanceList.POST(
      new Request("http://localhost/api/v1/grievances", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ title, category: "OTHER", raisedBy: [slug], addressedTo: [slug] }),
      }),
      { params: Promise.resolve({}) },
    );
    between.other = null;
    const db = await getDb();
    const stored = await db.grievance.count({ where: { title } });
    // PostgreSQL reads each statement's own snapshot: a commit elsewhere does not stop this one.
    expect(response.status, await response.clone().text()).toBe(201);
    expect(stored).toBe(1);
  });
});

/**
 * Another process on the same SQLite file (a second server worker, a script): it takes the write
 * lock, says so on stdout, changes the grievance's description, and commits `holdMs` later.
 */
function holdWriteLock(grievanceId: string, holdMs: number): Promise<{ committed: Promise<void> }> {
  const file = process.env.DATABASE_URL!.slice("file:".length);
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { timeout: 10000 });
    db.exec("BEGIN IMMEDIATE");
    db.prepare('UPDATE "Grievance" SET "description" = ?, "version" = "version" + 1 WHERE "id" = ?').run("other process", ${JSON.stringify(grievanceId)});
    process.stdout.write("locked\\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${holdMs});
    db.exec("COMMIT");
    db.close();
  `;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  const committed = new Promise<void>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited ${code}`)))),
  );
  return new Promise((resolve, reject) => {
    child.stdout.once("data", () => resolve({ committed }));
    child.once("error", reject);
  });
}

describe.runIf(onSqlite)("writers on one SQLite file queue on its write lock", () => {
  it("a save begun while another process holds the lock waits for it, then lands on what that process committed", async () => {
    const g = await makeGrievance();
    // A token records its use at most once a minute, in a write of its own that would queue
    // first: let that happen now, so the save's own transaction is what meets the lock.
    await grievanceOne.GET(
      new Request(`http://localhost/api/v1/grievances/${g.id}`, { headers: { authorization: `Bearer ${token}` } }),
      { params: Promise.resolve({ id: g.id }) },
    );
    const { committed } = await holdWriteLock(g.id, 1500);
    // The other process has moved the version to 2; a deferred transaction would read here and
    // then fail at its write with SQLITE_BUSY (SQLite does not wait there), a 500.
    const response = await patch(g.id, { status: "STALLED", reason: "queued", version: 2 });
    await committed;
    expect(response.status, await response.clone().text()).toBe(200);
    // It began after the other commit: it saw that description, and its version followed it.
    expect(await response.json()).toMatchObject({ version: 3, status: "STALLED", description: "other process" });
    expect((await getGrievanceHistory(SYSTEM, g.id)).map((h) => h.reason)).toEqual(["Raised", "queued"]);
  });

  it("no other connection can commit between a save's version check and its write: it waits its turn", async () => {
    const g = await makeGrievance();
    between.fired = 0;
    between.runs = 1;
    let refused: unknown = null;
    // Without a busy timeout the other connection answers at once: the lock is held.
    between.other = async () => {
      try {
        const db = new Database(process.env.DATABASE_URL!.slice("file:".length), { timeout: 0 });
        try {
          db.prepare('UPDATE "Grievance" SET "description" = ? WHERE "id" = ?').run("theirs", g.id);
        } finally {
          db.close();
        }
      } catch (error) {
        refused = error;
      }
    };
    const response = await patch(g.id, {
      version: 1,
      raisedBy: g.raisedBy.map((p) => p.slug),
      status: "STALLED",
      reason: "my move",
    });
    between.other = null;
    expect(between.fired).toBe(1);
    expect((refused as { code?: string } | null)?.code).toBe("SQLITE_BUSY");
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await getGrievanceOrThrow(SYSTEM, g.id)).toMatchObject({ version: 2, status: "STALLED" });
  });
});
