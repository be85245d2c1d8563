import http from "node:http";
import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { api, freePort, freshDatabase, prepare, startServer, stopServer, type Server } from "./support";

// Two `next start` instances on one PostgreSQL database, as a team runs them behind a reverse
// proxy: what one writes the other reads, and a form rendered by one and posted to the other
// succeeds (sessions, action ids and their encryption key are shared, not per-process). Which
// instance served what is asserted, not hoped for: the proxy routes by method and says who answered.
// SQLite is one file for one instance, so this runs on the PostgreSQL leg only.

const onPostgres = /^postgres/.test(process.env.TEST_DATABASE_URL ?? "");

type Hit = { method: string; path: string; instance: "A" | "B"; status: number };

/**
 * A reverse proxy that sends every GET and HEAD to instance A and every other request (sign-in,
 * server actions) to B, and stamps each answer with `x-backchannel-instance` and the port that
 * served it. So a page is always rendered by A and the form on it always posted to B.
 */
function splitProxy(reads: Server, writes: Server): Promise<{ url: string; hits: Hit[]; close: () => Promise<void> }> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    const read = req.method === "GET" || req.method === "HEAD";
    const [instance, target] = read ? (["A", reads] as const) : (["B", writes] as const);
    const upstream = http.request(
      { host: "127.0.0.1", port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        hits.push({ method: req.method!, path: req.url!, instance, status: answer.statusCode ?? 0 });
        res.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          "x-backchannel-instance": `${instance} ${target.port}`,
        });
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

    // A browser behind a proxy that sends each page to A and each post to B: the session B made
    // at sign-in is read by A, and the form A rendered is accepted by B (the action's id and its
    // encrypted closure are the same on both instances).
    const proxy = await splitProxy(a, b);
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
    const served: Array<{ method: string; path: string; by: string | null }> = [];
    page.on("response", (response) => {
      const url = new URL(response.url());
      served.push({
        method: response.request().method(),
        path: url.pathname,
        by: response.headers()["x-backchannel-instance"] ?? null,
      });
    });
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

    // The browser's own view of who answered: the form page came from A, its post went to B.
    const A = `A ${a.port}`;
    const B = `B ${b.port}`;
    expect(a.port).not.toBe(b.port);
    expect(served).toContainEqual({ method: "GET", path: "/parties/new", by: A });
    expect(served).toContainEqual({ method: "POST", path: "/parties/new", by: B });
    expect(served).toContainEqual({ method: "POST", path: "/sign-in", by: B });
    expect(served.filter((r) => r.method === "POST").every((r) => r.by === B)).toBe(true);
    // B answered the action itself (no 4xx or 5xx, and no post ever reached A).
    const posts = proxy.hits.filter((h) => h.method === "POST" && h.path.startsWith("/parties/new"));
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((h) => h.instance === "B" && h.status < 400)).toBe(true);
    // A reload is a GET, so A renders the party B created.
    const reloaded = await page.reload();
    expect(reloaded?.headers()["x-backchannel-instance"]).toBe(A);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Posted Across Instances");
    for (const server of servers) expect(server.output()).not.toMatch(/Failed to find Server Action|Error:/);
    await proxy.close();
  }, 180_000);
});
