import { spawnSync } from "node:child_process";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, prepare, rowCount, startServer, stopServer, type Server } from "./support";

// The guards in front of every change, against the running app as raw HTTP (so Origin, Host and
// the body are exactly what a forger sends): a change must come from the app's own origin, a form
// the app cannot read or a body it will not take is a 4xx in the one error shape, never a 500, and
// none of them writes anything. Each refusal is paired with the same request made properly,
// which succeeds: the refusal is the guard's doing, not an accident of the fixture.

let database: Awaited<ReturnType<typeof freshDatabase>>;
let server: Server;
let admin: { token: string; email: string; password: string };
const viewer = { email: `viewer-${process.pid}@example.org`, password: "a long viewer password" };
let adminCookie = "";
let viewerCookie = "";

type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** One request as sent, with no header added but Host and, unless `chunked`, Content-Length. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | string = "",
  { chunked = false } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        method,
        path,
        headers: {
          host: `127.0.0.1:${server.port}`,
          ...headers,
          ...(chunked ? {} : { "content-length": body.length }),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on("error", reject);
    if (chunked) {
      // Written in parts, so Node sends Transfer-Encoding: chunked and no length.
      const bytes = Buffer.from(body);
      for (let at = 0; at < bytes.length; at += 64 * 1024) request.write(bytes.subarray(at, at + 64 * 1024));
      request.end();
    } else request.end(body);
  });
}

const own = () => `http://127.0.0.1:${server.port}`;

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The hidden fields of the form on `page` that holds `marker` (React's $ACTION_… fields, which
 * say which server action a form posts to without JavaScript), as a browser without JavaScript
 * would post them.
 */
async function hiddenFields(page: string, cookie: string, marker: string): Promise<Array<[string, string]>> {
  const answer = await send("GET", page, cookie ? { cookie } : {});
  expect(answer.status, `GET ${page}`).toBe(200);
  const form = answer.body.split("<form").find((part) => part.includes(marker));
  expect(form, `a form with ${marker} on ${page}`).toBeDefined();
  const inputs = form!.split("</form>")[0]!.match(/<input[^>]*type="hidden"[^>]*>/g) ?? [];
  return inputs.map((input) => [
    unescapeHtml(/name="([^"]*)"/.exec(input)?.[1] ?? ""),
    unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? ""),
  ]);
}

/** A multipart body as a browser makes it, and its Content-Type. */
async function multipart(fields: Array<[string, string]>): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get("content-type")! };
}

/** Posts `fields` to the form on `page` that holds `marker`, as a browser without JavaScript. */
async function postForm(
  page: string,
  marker: string,
  fields: Array<[string, string]>,
  headers: Record<string, string>,
  options: { chunked?: boolean } = {},
): Promise<Answer> {
  const cookie = headers.cookie ?? "";
  const { body, type } = await multipart([...(await hiddenFields(page, cookie, marker)), ...fields]);
  return send("POST", page, { "content-type": type, ...headers }, body, options);
}

function cookiesOf(answer: Answer): string {
  return (answer.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
}

/** Signs in through the sign-in form, with no JavaScript, and returns the session cookie. */
async function signIn(email: string, password: string): Promise<string> {
  const answer = await postForm(
    "/sign-in",
    'name="password"',
    [
      ["email", email],
      ["password", password],
    ],
    { origin: own() },
  );
  const cookie = cookiesOf(answer);
  expect(cookie, `sign-in of ${email} answered ${answer.status}`).toMatch(/session_token=/);
  return cookie;
}

const count = (table: "User" | "Party") => rowCount(database, table);

function expectRefusal(answer: Answer, status: number, code: string): void {
  expect(answer.status, answer.body.slice(0, 300)).toBe(status);
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  expect(JSON.parse(answer.body)).toEqual({ error: { code, message: expect.any(String), issues: expect.any(Array) } });
}

const newUser = (email: string): Array<[string, string]> => [
  ["email", email],
  ["name", "Forged admin"],
  ["role", "admin"],
  ["password", "a long forged password"],
];
const NEW_USER_FORM = 'name="password"';
const NEW_PARTY_FORM = 'name="shortName"';

beforeAll(async () => {
  database = await freshDatabase("guards");
  admin = prepare(database.url, "admin");
  const created = spawnSync(
    process.execPath,
    [
      "scripts/run-ts.mjs",
      "scripts/users.ts",
      "create",
      "--email",
      viewer.email,
      "--role",
      "viewer",
      "--password",
      viewer.password,
    ],
    { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" },
  );
  if (created.status !== 0) throw new Error(created.stderr);
  server = await startServer(database.url, admin.token);
  adminCookie = await signIn(admin.email, admin.password);
  viewerCookie = await signIn(viewer.email, viewer.password);
}, 180_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await database?.drop();
});

describe("a change must come from the app's own origin", () => {
  it("refuses a form posted without JavaScript and without Origin, with an admin's cookie: no user is made", async () => {
    const before = await count("User");
    const forged = await postForm("/admin/users", NEW_USER_FORM, newUser("forged@example.org"), {
      cookie: adminCookie,
    });
    expectRefusal(forged, 403, "FORBIDDEN");
    expect(await count("User")).toBe(before);
    // The same post from the app's own page creates the user.
    const real = await postForm("/admin/users", NEW_USER_FORM, newUser("real@example.org"), {
      cookie: adminCookie,
      origin: own(),
    });
    expect(real.status).toBe(200);
    expect(real.body.includes("real@example.org"), "the page says the user was made").toBe(true);
    expect(await count("User")).toBe(before + 1);
  });

  it("refuses a foreign Origin, Origin: null and another port with 403, not Next's 500", async () => {
    const before = await count("User");
    const port = server.port === 65535 ? 65534 : server.port + 1;
    for (const origin of ["https://evil.example", "null", `http://127.0.0.1:${port}`, "https://127.0.0.1"]) {
      const forged = await postForm("/admin/users", NEW_USER_FORM, newUser(`forged-${port}@example.org`), {
        cookie: adminCookie,
        origin,
      });
      expectRefusal(forged, 403, "FORBIDDEN");
    }
    // The fetch form of a server action (Next-Action header) is refused the same way.
    const action = await send(
      "POST",
      "/admin/users",
      {
        cookie: adminCookie,
        origin: "https://evil.example",
        "next-action": "0".repeat(42),
        "content-type": "text/plain",
      },
      '["$K1"]',
    );
    expectRefusal(action, 403, "FORBIDDEN");
    expect(await count("User")).toBe(before);
  });

  it("refuses a cookie-authenticated API write whose Origin is not a URL with 403: no party is made", async () => {
    const before = await count("Party");
    const write = (origin: string, name: string) =>
      send(
        "POST",
        "/api/v1/parties",
        { cookie: adminCookie, origin, "content-type": "application/json" },
        JSON.stringify({ name }),
      );
    expectRefusal(await write("garbage", "Garbage origin"), 403, "FORBIDDEN");
    expectRefusal(await write(`http://127.0.0.1:${server.port + 1}`, "Other port"), 403, "FORBIDDEN");
    expect(await count("Party")).toBe(before);
    expect((await write(own(), "Own origin")).status).toBe(201);
    expect(await count("Party")).toBe(before + 1);
    // A script's token needs no Origin.
    const script = await send(
      "POST",
      "/api/v1/parties",
      { authorization: `Bearer ${admin.token}`, "content-type": "application/json" },
      JSON.stringify({ name: "Scripted" }),
    );
    expect(script.status).toBe(201);
  });
});

describe("what the app will not read is a 4xx, and writes nothing", () => {
  it("refuses a form key nested 5,000 levels deep, naming it, and makes no party", async () => {
    const before = await count("Party");
    const deep = Array(5_000).fill("a").join(".");
    const answer = await postForm(
      "/parties/new",
      NEW_PARTY_FORM,
      [
        ["name", "Deep key party"],
        [deep, "x"],
      ],
      { cookie: adminCookie, origin: own() },
    );
    // A server action answers a refusal as the page with the form's message (its 400).
    expect(answer.status).toBe(200);
    expect(answer.body.includes("Field name is longer than 200 characters"), "the form names the field").toBe(true);
    const nested = Array(9).fill("b").join(".");
    const deeper = await postForm(
      "/parties/new",
      NEW_PARTY_FORM,
      [
        ["name", "Nested key party"],
        [nested, "x"],
      ],
      { cookie: adminCookie, origin: own() },
    );
    expect(deeper.status).toBe(200);
    expect(deeper.body.includes("Field is nested more than 8 levels deep"), "the form names the field").toBe(true);
    expect(await count("Party")).toBe(before);
    expect(server.output()).not.toMatch(/Maximum call stack/);
  });

  it("refuses a 2 MB form with 413, declared or chunked, and makes no party", async () => {
    const before = await count("Party");
    const big: Array<[string, string]> = [
      ["name", "Big body party"],
      ["shortName", "x".repeat(2 * 1024 * 1024)],
    ];
    const headers = { cookie: adminCookie, origin: own() };
    expectRefusal(await postForm("/parties/new", NEW_PARTY_FORM, big, headers), 413, "PAYLOAD_TOO_LARGE");
    const chunked = await postForm("/parties/new", NEW_PARTY_FORM, big, headers, { chunked: true });
    expectRefusal(chunked, 413, "PAYLOAD_TOO_LARGE");
    expect(await count("Party")).toBe(before);
    // A form of a normal size, sent in chunks, goes through.
    const small = await postForm("/parties/new", NEW_PARTY_FORM, [["name", "Chunked party"]], headers, {
      chunked: true,
    });
    expect(small.status).toBeLessThan(400);
    expect(await count("Party")).toBe(before + 1);
  });
});

describe("smaller holes", () => {
  it("answers a method a route lacks with 405, the error body and Allow", async () => {
    const answer = await send("DELETE", "/api/v1/grievances", { authorization: `Bearer ${admin.token}` });
    expectRefusal(answer, 405, "METHOD_NOT_ALLOWED");
    expect(answer.headers.allow).toBe("GET, POST, HEAD, OPTIONS");
    const options = await send("OPTIONS", "/api/v1/grievances/x/restore", {});
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("POST, OPTIONS");
  });

  it("does not serve /_next/image", async () => {
    const answer = await send("GET", "/_next/image?url=%2Ficon.svg&w=64&q=75", { cookie: adminCookie });
    expect(answer.status).toBe(404);
    expect(answer.headers["content-type"]).not.toMatch(/^image\//);
  });

  it("tells a viewer at a create page that it needs an analyst, without the form; signed out, it is sign-in", async () => {
    for (const [page, field] of [
      ["/grievances/new", 'name="title"'],
      ["/meetings/new", 'name="title"'],
      ["/parties/new", 'name="shortName"'],
      ["/venues/new", 'name="city"'],
    ]) {
      const asViewer = await send("GET", page!, { cookie: viewerCookie });
      expect(asViewer.status, page).toBe(200);
      // React separates text nodes with <!-- -->; and a whole page is too long for a failure message.
      const text = asViewer.body.replace(/<!-- -->/g, "");
      expect(text.includes("You need the Analyst role"), `${page} says a viewer needs the Analyst role`).toBe(true);
      expect(text.includes(field!), `${page} shows no form to a viewer`).toBe(false);
      const asAdmin = await send("GET", page!, { cookie: adminCookie });
      expect(asAdmin.body.includes(field!), `${page} shows the form to an admin`).toBe(true);
      const signedOut = await send("GET", page!, {});
      expect(signedOut.status, page).toBeGreaterThanOrEqual(300);
      expect(signedOut.status, page).toBeLessThan(400);
      expect(signedOut.headers.location, page).toMatch(/^\/sign-in/);
    }
  });
});
