import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, freshDatabase, prepare, startServer, stopServer, type Server } from "./support";

// How the app is served (issue 10): compressed answers for clients that accept them, several
// worker processes behind one port, and a second `npm start` on a SQLite file a running
// instance holds.

type Raw = { status: number; headers: http.IncomingHttpHeaders; bytes: number };

/** One request with exactly these headers (fetch would add accept-encoding and decompress). */
function raw(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
      .on("error", reject);
  });
}

/** Whether a process still runs (signal 0 checks without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of `pid`'s direct children, from /proc. */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

let database: Awaited<ReturnType<typeof freshDatabase>>;
let token: string;
beforeAll(async () => {
  database = await freshDatabase("serving");
  ({ token } = prepare(database.url, "analyst"));
});
afterAll(async () => {
  await database?.drop();
});

describe("compression", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startServer(database.url, token);
  });
  afterAll(async () => {
    await stopServer(server);
  });

  it("compresses an HTML page and an API answer for a client that accepts it, and not otherwise", async () => {
    const page = `${server.url}/sign-in`;
    const list = `${server.url}/api/v1/grievances?limit=25`;
    const auth = { authorization: `Bearer ${token}` };

    const html = await raw(page, { "accept-encoding": "gzip, deflate, br" });
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect(html.headers["content-encoding"]).toMatch(/^(gzip|br)$/);
    const json = await raw(list, { ...auth, "accept-encoding": "gzip" });
    expect(json.status).toBe(200);
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
    expect(json.headers["content-encoding"]).toBe("gzip");

    const plainHtml = await raw(page, { "accept-encoding": "identity" });
    const plainJson = await raw(list, auth);
    expect(plainHtml.headers["content-encoding"]).toBeUndefined();
    expect(plainJson.headers["content-encoding"]).toBeUndefined();
    // Compressed is smaller: the header is not a label on the same bytes.
    expect(json.bytes).toBeLessThan(plainJson.bytes);
  });
});

describe("BACKCHANNEL_WORKERS", () => {
  it("serves from that many processes on one port, and SIGTERM stops every one of them", async () => {
    const server = await startServer(database.url, token, { env: { BACKCHANNEL_WORKERS: "2" } });
    const primary = server.process.pid!;
    const workers = childrenOf(primary);
    expect(workers).toHaveLength(2);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        raw(`${server.url}/api/v1/parties`, { authorization: `Bearer ${token}`, connection: "close" }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    await stopServer(server);
    // 143 is the primary's own answer to SIGTERM once every worker has stopped (its fallback
    // timer, for workers that will not stop, exits 1).
    expect(server.process.exitCode).toBe(143);
    // No worker outlives its primary, still holding the port and the database.
    await new Promise((r) => setTimeout(r, 200));
    expect(workers.filter(alive)).toEqual([]);
  });
});

/** `npm start` (scripts/start.mjs) on `databaseUrl` and a port of its own, with its output. */
async function npmStart(databaseUrl: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", BACKCHANNEL_WORKERS: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output };
}

async function readyOrExited(start: Awaited<ReturnType<typeof npmStart>>): Promise<"ready" | number> {
  const deadline = Date.now() + 900_000;
  while (Date.now() < deadline) {
    if (start.child.exitCode !== null) return start.child.exitCode;
    try {
      const answer = await fetch(`${start.url}/api/v1/parties`, { headers: { authorization: `Bearer ${token}` } });
      if (answer.status === 200) return "ready";
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`neither ready nor stopped:\n${start.output()}`);
}

// SQLite only: PostgreSQL takes concurrent migrations and connections as it is.
describe.skipIf(/^postgres/.test(process.env.TEST_DATABASE_URL ?? ""))(
  "a second npm start on a SQLite file that a running instance holds",
  () => {
    let first: Server;
    beforeAll(async () => {
      first = await startServer(database.url, token);
    });
    afterAll(async () => {
      await stopServer(first);
    });

    it("serves too, on its own port, when the file needs no migration", async () => {
      const second = await npmStart(database.url);
      try {
        expect(await readyOrExited(second), second.output()).toBe("ready");
        expect(second.output()).toMatch(/Database is up to date/);
        expect(second.output()).not.toMatch(/SocketTimeout/);
      } finally {
        if (second.child.exitCode === null) {
          second.child.kill("SIGTERM");
          await new Promise((r) => second.child.once("exit", r));
        }
      }
    }, 900_000);

    it("says plainly that the database is in use, and by which process, when it must migrate", async () => {
      // As if this checkout were a newer version: its last migration is not in the file yet.
      const file = database.url.replace(/^file:/, "");
      const db = new Database(file);
      const last = db.prepare("SELECT * FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1").get() as Record<
        string,
        unknown
      >;
      db.prepare("DELETE FROM _prisma_migrations WHERE id = ?").run(last.id);
      // Closed, so that the running server is the only process holding the file.
      db.close();
      try {
        const second = await npmStart(database.url);
        expect(await readyOrExited(second)).toBe(1);
        expect(second.output()).toContain(`is in use by another Backchannel (pid ${first.process.pid}`);
        expect(second.output()).not.toMatch(/SocketTimeout/);
      } finally {
        const columns = Object.keys(last);
        const restore = new Database(file);
        restore
          .prepare(
            `INSERT INTO _prisma_migrations (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
          )
          .run(...columns.map((c) => last[c]));
        restore.close();
      }
    });
  },
);
