import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, freshDatabase, prepare, rowCount, startServer, stopServer, type Server } from "./support";

// Attacks on signing in, against the running app as `npm start` serves it (scripts/serve.mjs):
// a `next` that a browser turns into another host, one that would break the Location header,
// forged forwarding headers to escape the per-address limit, and wrong passwords meant to lock
// an owner out. Forms are posted as a browser without JavaScript posts them, from a chosen
// source address (127.0.0.2 is loopback too, and a different peer), except where the attack
// needs a real browser.

let database: Awaited<ReturnType<typeof freshDatabase>>;
/** Trusts no proxy: the TCP peer is the client. */
let server: Server;
/** BACKCHANNEL_TRUSTED_PROXIES=1: one reverse proxy in front, whose X-Forwarded-* are believed. */
let proxied: Server;
let user: { token: string; email: string; password: string };
const owner = { email: `owner-${process.pid}@example.org`, password: "the owner's long password" };
let browser: Browser | undefined;

const ATTACKER = "127.0.0.2";
const OWNER_ADDRESS = "127.0.0.1";

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

function send(
  target: Server,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | string = "",
  from = OWNER_ADDRESS,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        localAddress: from,
        method,
        path,
        headers: { host: `127.0.0.1:${target.port}`, ...headers, "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The hidden fields of the sign-in form (React's $ACTION_… fields and `next`), as rendered for `path`. */
async function signInFormFields(target: Server, path = "/sign-in"): Promise<Array<[string, string]>> {
  const page = await send(target, "GET", path, {});
  expect(page.status, `GET ${path}`).toBe(200);
  const form = page.body.split("<form").find((part) => part.includes('name="password"'));
  expect(form, "the sign-in form").toBeDefined();
  const inputs = form!.split("</form>")[0]!.match(/<input[^>]*type="hidden"[^>]*>/g) ?? [];
  return inputs.map((input) => [
    unescapeHtml(/name="([^"]*)"/.exec(input)?.[1] ?? ""),
    unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? ""),
  ]);
}

/**
 * Signs in through the form with no JavaScript, as a browser at `from` posts it. `next` replaces
 * the form's hidden field (a forger writes their own form); `headers` are added to the POST.
 */
async function postSignIn(
  target: Server,
  credentials: { email: string; password: string },
  { from = OWNER_ADDRESS, next, headers = {} }: { from?: string; next?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const hidden = (await signInFormFields(target)).filter(([name]) => next === undefined || name !== "next");
  const form = new FormData();
  for (const [name, value] of hidden) form.append(name, value);
  if (next !== undefined) form.append("next", next);
  form.append("email", credentials.email);
  form.append("password", credentials.password);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  const body = Buffer.from(await request.arrayBuffer());
  return send(
    target,
    "POST",
    "/sign-in",
    { "content-type": request.headers.get("content-type")!, origin: target.url, ...headers },
    body,
    from,
  );
}

const signedIn = (answer: Answer) => (answer.headers["set-cookie"] ?? []).some((c) => /session_token=/.test(c));

const sessions = () => rowCount(database, "Session");

const WRONG = "not the password at all";

beforeAll(async () => {
  database = await freshDatabase("sign-in-attacks");
  user = prepare(database.url, "analyst");
  const created = spawnSync(
    process.execPath,
    [
      "scripts/run-ts.mjs",
      "scripts/users.ts",
      "create",
      "--email",
      owner.email,
      "--role",
      "viewer",
      "--password",
      owner.password,
    ],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(created.stderr);
  server = await startServer(database.url, user.token);
  proxied = await startServer(database.url, user.token, { env: { BACKCHANNEL_TRUSTED_PROXIES: "1" } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server) await stopServer(server);
  if (proxied) await stopServer(proxied);
  await database?.drop();
});

describe("where sign-in leads", () => {
  it("stays on the app when next holds a tab that a browser would drop (/\\t/host → //host)", async () => {
    // The host the attacker wants the browser on: anything reaching it is the open redirect.
    let visits = 0;
    const evil = http.createServer((_req, res) => {
      visits++;
      res.end("pwned");
    });
    const evilPort = await freePort();
    await new Promise<void>((resolve) => evil.listen(evilPort, "127.0.0.1", resolve));
    try {
      const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
      browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
      const page = await browser.newPage();
      await page.goto(`${server.url}/sign-in?next=${encodeURIComponent(`/\t/localhost:${evilPort}/pwned`)}`);
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in" || url.origin !== server.url);
      await page.waitForLoadState("networkidle");
      expect(new URL(page.url()).origin).toBe(server.url);
      expect(new URL(page.url()).pathname).toBe("/");
      expect(visits).toBe(0);

      // The way back that is meant: a shared link opened signed out comes back after signing in.
      const fresh = await browser.newPage();
      await fresh.goto(`${server.url}/grievances?party=russia&status=OPEN`);
      await fresh.waitForURL((url) => url.pathname === "/sign-in");
      await fresh.getByLabel("Email").fill(user.email);
      await fresh.getByLabel("Password").fill(user.password);
      await fresh.getByRole("button", { name: "Sign in" }).click();
      await fresh.waitForURL((url) => url.pathname === "/grievances");
      expect(new URL(fresh.url()).search).toBe("?party=russia&status=OPEN");
    } finally {
      await new Promise((resolve) => evil.close(resolve));
    }
  });

  it("answers a next with a newline, carriage return or vertical tab with a redirect home, never a 500, and leaves no session behind", async () => {
    for (const next of ["/\n/evil.example", "/\r\nSet-Cookie: x=1", "/\u000b/evil.example"]) {
      const before = await sessions();
      const refused = await postSignIn(server, { email: user.email, password: WRONG }, { next });
      expect(refused.status, JSON.stringify(next)).toBe(200);
      expect(signedIn(refused)).toBe(false);
      expect(await sessions()).toBe(before);

      const answer = await postSignIn(server, user, { next });
      expect(answer.status, `${JSON.stringify(next)}: ${answer.body.slice(0, 200)}`).toBe(303);
      expect(answer.headers.location).toBe("/");
      expect(answer.headers["set-cookie"]?.join()).not.toMatch(/x=1/);
      // The one session made is the one the browser was given.
      expect(signedIn(answer)).toBe(true);
      expect(await sessions()).toBe(before + 1);
    }
  });
});

describe("the sign-in throttle against forged and distributed attempts", () => {
  it("counts per TCP peer: a new X-Forwarded-For (or our own peer header) per request does not reset it", async () => {
    let refusal: Answer | undefined;
    for (let i = 0; i <= 30; i++) {
      const answer = await postSignIn(
        server,
        { email: `sprayed-${i}@example.org`, password: WRONG },
        {
          from: ATTACKER,
          headers: {
            "x-forwarded-for": `203.0.113.${i}`,
            "x-real-ip": `198.51.100.${i}`,
            "x-backchannel-peer": `192.0.2.${i}`,
          },
        },
      );
      expect(answer.status).toBe(200);
      if (answer.body.includes("Too many sign-in attempts from this address")) {
        refusal = answer;
        expect(i, "refused as soon as the limit is reached, not before").toBe(30);
      }
    }
    expect(refusal, "the 31st attempt from one address is refused").toBeDefined();
    expect(refusal!.body).toMatch(/Too many sign-in attempts from this address; try again in \d+ min/);
    // Another address still gets an ordinary answer.
    const other = await postSignIn(server, { email: "sprayed-x@example.org", password: WRONG });
    expect(other.body).toContain("The email or password is wrong");
  });

  it("lets the owner sign in from their own address while another address is refused for guessing", async () => {
    for (let i = 0; i < 5; i++) {
      const answer = await postSignIn(server, { email: owner.email, password: WRONG }, { from: "127.0.0.3" });
      expect(answer.body).toContain("The email or password is wrong, or the account is deactivated");
    }
    const before = await sessions();
    // Even with the right password, the guessing address is told it is throttled, and gets no session.
    const guesser = await postSignIn(server, owner, { from: "127.0.0.3" });
    expect(guesser.body).toMatch(/Too many attempts from this address for this account; try again in 15 min/);
    expect(signedIn(guesser)).toBe(false);
    expect(await sessions()).toBe(before);
    const own = await postSignIn(server, owner, { from: OWNER_ADDRESS });
    expect(own.status).toBe(303);
    expect(signedIn(own)).toBe(true);
  });

  it("believes X-Forwarded-For from a configured proxy: its clients are counted apart", async () => {
    const via = (client: string) => ({ "x-forwarded-for": `10.9.9.9, ${client}` });
    for (let i = 0; i < 5; i++) {
      await postSignIn(proxied, { email: owner.email, password: WRONG }, { headers: via("198.51.100.66") });
    }
    const guesser = await postSignIn(proxied, owner, { headers: via("198.51.100.66") });
    expect(guesser.body).toMatch(/Too many attempts from this address for this account/);
    const own = await postSignIn(proxied, owner, { headers: via("198.51.100.67") });
    expect(signedIn(own)).toBe(true);
  });
});

describe("TLS, HSTS and the session cookie follow one rule", () => {
  it("ignores a client's own X-Forwarded-Proto: no HSTS, and a plain cookie", async () => {
    const page = await send(server, "GET", "/sign-in", { "x-forwarded-proto": "https" });
    expect(page.headers["strict-transport-security"]).toBeUndefined();
    // As a browser behind a TLS proxy sends it: Origin https://… (the origin check wants that).
    const answer = await postSignIn(server, user, {
      headers: { "x-forwarded-proto": "https", origin: server.url.replace("http:", "https:") },
    });
    const cookie = answer.headers["set-cookie"]?.find((c) => /session_token=/.test(c));
    expect(cookie).toMatch(/^backchannel\.session_token=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it("behind a trusted proxy that says https: HSTS, and a Secure __Secure- cookie that the next request reads", async () => {
    const tls = { "x-forwarded-proto": "https" };
    const page = await send(proxied, "GET", "/sign-in", tls);
    expect(page.headers["strict-transport-security"]).toMatch(/max-age=/);
    const plain = await send(proxied, "GET", "/sign-in", { "x-forwarded-proto": "http" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();

    const answer = await postSignIn(proxied, user, {
      headers: { ...tls, origin: proxied.url.replace("http:", "https:") },
    });
    const cookie = answer.headers["set-cookie"]?.find((c) => /session_token=/.test(c));
    expect(cookie).toMatch(/^__Secure-backchannel\.session_token=[^;]+;.*;\s*Secure/i);
    const home = await send(proxied, "GET", "/", { ...tls, cookie: cookie!.split(";")[0]! });
    expect(home.status).toBe(200);
    expect(home.body).toContain("Sign out");
  });
});
