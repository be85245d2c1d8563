import http from "node:http";
import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { api, freePort, freshDatabase, prepare, startServer, stopServer, type Server } from "./support";

// Two `next start` instances on one PostgreSQL database, as a team runs them behind a reverse
// proxy: what one writes the other reads, and a form rendered by one and posted to the other
// succeeds (sessions, action ids and their encryption key are shared, not per-process).
// SQLite is one file for one instance, so this runs on the PostgreSQL leg only.

const onPostgres = /^postgres/.test(process.env.TEST_DATABASE_URL ?? "");

/** A round-robin reverse proxy: consecutive requests go to alternate instances. */
function roundRobin(targets: Server[]): Promise<{ url: string; hits: number[]; close: () => Promise<void> }> {
  const hits = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next++ % targets.length;
    hits[index]!++;
    const upstream = http.request(
      { host: "127.0.0.1", port: targets[index]!.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise(async (resolve) => {
    const port = await freePort();
    server.listen(port, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((r) => server.close(() => r())) }),
    );
  });
}

describe.skipIf(!onPostgres)("two app instances on one PostgreSQL database", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const servers: Server[] = [];
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
    for (const s of servers) await stopServer(s);
    await database?.drop();
  });

  it("reads through one what was written through the other, and accepts a form posted to the other", async () => {
    database = await freshDatabase("instances");
    const { token, email, password } = prepare(database.url, "analyst");
    servers.push(await startServer(database.url, token), await startServer(database.url, token));
    const [a, b] = servers as [Server, Server];

    const { body: list } = await api(a, token)("GET", "/grievances?q=flights");
    const grievance = list.items[0];
    const moved = await api(a, token)("PATCH", `/grievances/${grievance.id}`, {
      status: "STALLED",
      reason: "written through A",
      version: grievance.version,
    });
    expect(moved.status).toBe(200);
    const seen = await api(b, token)("GET", `/grievances/${grievance.id}`);
    expect(seen.body).toMatchObject({ status: "STALLED", version: moved.body.version });
    expect(seen.body.history.at(-1)).toMatchObject({ reason: "written through A", actor: { email } });

    // A browser behind a round-robin proxy: each page comes from one instance and the form it
    // posts goes to the other.
    const proxy = await roundRobin([a, b]);
    const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
    browser = await chromium.launch({
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${proxy.url}/`);

    await page.goto(`${proxy.url}/parties/new`);
    await page.getByLabel("Name", { exact: true }).fill("Posted Across Instances");
    await page.getByRole("button", { name: "Add party" }).click();
    await page.waitForURL(`${proxy.url}/parties/posted-across-instances`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Posted Across Instances");
    expect(proxy.hits.every((n) => n > 0)).toBe(true);
    for (const server of servers) expect(server.output()).not.toMatch(/Failed to find Server Action|Error:/);
    await proxy.close();
  }, 180_000);
});
