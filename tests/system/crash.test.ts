import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { api, freshDatabase, prepare, startServer, stopServer, type Server } from "./support";

// Kill -9 the server in the middle of a burst of status changes, start it again on the same
// database: every change it acknowledged with a 2xx is in the history, and SQLite's integrity
// check passes (WAL with synchronous=FULL).

describe("a crash in the middle of writes", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: Server | undefined;
  afterAll(async () => {
    if (server) await stopServer(server);
    await database?.drop();
  });

  it("loses no acknowledged change", async () => {
    database = await freshDatabase("crash");
    const { token } = prepare(database.url);
    server = await startServer(database.url, token);
    const call = api(server, token);
    const { body: list } = await call("GET", "/grievances?limit=6");
    const grievances: Array<{ id: string; status: string; version: number }> = list.items;
    expect(grievances).toHaveLength(6);

    const acknowledged: string[] = [];
    let killed = false;
    // One writer per grievance, so writers do not conflict: each flips its status and records
    // the reason of every change the server acknowledged.
    const writer = async (g: { id: string; status: string; version: number }, w: number) => {
      let { version, status } = g;
      for (let i = 0; !killed; i++) {
        const to = status === "STALLED" ? "IN_NEGOTIATION" : "STALLED";
        const reason = `crash-test writer ${w} change ${i}`;
        try {
          const response = await call("PATCH", `/grievances/${g.id}`, { status: to, reason, version });
          if (response.status !== 200)
            throw new Error(`unexpected ${response.status}: ${JSON.stringify(response.body)}`);
          acknowledged.push(reason);
          version = response.body.version;
          status = to;
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const writers = grievances.map((g, w) => writer(g, w));
    while (acknowledged.length < 60) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    server.process.kill("SIGKILL");
    await Promise.allSettled(writers);
    await new Promise((r) =>
      server!.process.exitCode !== null || server!.process.signalCode ? r(null) : server!.process.once("exit", r),
    );

    if (database.kind === "sqlite") {
      const file = new Database(database.url.slice("file:".length));
      expect(file.pragma("integrity_check", { simple: true })).toBe("ok");
      file.close();
    }

    server = await startServer(database.url, token);
    const restarted = api(server, token);
    const reasons = new Set<string>();
    for (const g of grievances) {
      const { status, body } = await restarted("GET", `/grievances/${g.id}/history`);
      expect(status).toBe(200);
      for (const entry of body.items) reasons.add(entry.reason);
    }
    const missing = acknowledged.filter((reason) => !reasons.has(reason));
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
  }, 180_000);
});
