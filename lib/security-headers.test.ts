import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import {
  ACTION_BODY_LIMIT,
  bodyExceeds,
  checkRequest,
  contentSecurityPolicy,
  fromOwnOrigin,
  requestOrigin,
  securityHeaders,
  siteOf,
} from "./security-headers";

const hosts = siteOf({ BACKCHANNEL_URL: "https://backchannel.example.org" });
const request = (headers: Record<string, string>, method = "GET", pathname = "/") => ({
  method,
  headers: new Headers(headers),
  pathname,
});

describe("the content security policy", () => {
  it("allows only the app's own scripts, by nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", { https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only over TLS, and nosniff and a referrer policy always", () => {
    expect(securityHeaders({ https: false, dev: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: true, dev: false })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false, dev: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});

describe("requests refused before routing", () => {
  it("refuses an outside x-middleware-subrequest header (CVE-2025-29927)", () => {
    expect(
      checkRequest(request({ host: "localhost:3000", "x-middleware-subrequest": "middleware:middleware" }), hosts),
    ).toMatchObject({
      ok: false,
      status: 400,
    });
  });

  it("refuses a Host it does not serve, and accepts its own and loopback", () => {
    expect(checkRequest(request({ host: "evil.example.com" }), hosts)).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest(request({ host: "localhost", "x-forwarded-host": "evil.example.com" }), hosts)).toMatchObject({
      ok: false,
    });
    expect(checkRequest(request({ host: "backchannel.example.org" }), hosts)).toEqual({ ok: true });
    expect(checkRequest(request({ host: "127.0.0.1:3000" }), hosts)).toEqual({ ok: true });
  });

  it("refuses a path that is not valid percent-encoding", () => {
    expect(
      checkRequest({ ...request({ host: "localhost" }), pathname: "/api/v1/grievances/%E0%A4%A" }, hosts),
    ).toMatchObject({ ok: false, status: 400 });
    expect(checkRequest({ ...request({ host: "localhost" }), pathname: "/grievances/%D0%BC" }, hosts)).toEqual({
      ok: true,
    });
  });

  it("refuses a server action posted with Origin: null, a foreign origin or none", () => {
    const action = (origin?: string) =>
      checkRequest(
        request(
          { host: "localhost:3000", "next-action": "abc", ...(origin ? { origin } : {}) },
          "POST",
          "/parties/new",
        ),
        hosts,
      );
    expect(action("null")).toMatchObject({ ok: false, status: 403, code: "FORBIDDEN" });
    expect(action("https://evil.example.com")).toMatchObject({ ok: false, status: 403 });
    expect(action()).toMatchObject({ ok: false, status: 403 });
    expect(action("http://localhost:3000")).toEqual({ ok: true });
  });
});

describe("state-changing requests need the app's own origin", () => {
  const page = (headers: Record<string, string>, method = "POST") =>
    checkRequest(request({ host: "127.0.0.1:3000", ...headers }, method, "/admin/users"), hosts);

  it("refuses a form posted without JavaScript (no Next-Action header) and without Origin", () => {
    expect(page({ "content-type": "multipart/form-data; boundary=x", cookie: "s=1" })).toMatchObject({
      ok: false,
      status: 403,
      code: "FORBIDDEN",
    });
    expect(page({ "content-type": "multipart/form-data; boundary=x" })).toMatchObject({ ok: false, status: 403 });
  });

  it("compares scheme, host and port, not the host name alone", () => {
    expect(page({ origin: "http://127.0.0.1:3000" })).toEqual({ ok: true });
    expect(page({ origin: "http://127.0.0.1:4000" })).toMatchObject({ ok: false, status: 403 });
    expect(page({ origin: "http://127.0.0.1" })).toMatchObject({ ok: false, status: 403 });
    expect(page({ origin: "https://127.0.0.1:3000" })).toMatchObject({ ok: false, status: 403 });
    expect(page({ origin: "http://localhost:3000" })).toMatchObject({ ok: false, status: 403 });
  });

  it("refuses an Origin that is not one as browsers write it, or not a URL at all", () => {
    for (const origin of ["garbage", "null", "", "http://evil.example@127.0.0.1:3000", "http://127.0.0.1:3000/x"]) {
      expect(page({ origin }), origin).toMatchObject({ ok: false, status: 403 });
    }
    expect(page({ origin: "HTTP://127.0.0.1:3000" })).toEqual({ ok: true });
  });

  it("checks every method but GET, HEAD and OPTIONS", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
      expect(page({ origin: "https://evil.example" }, method), method).toMatchObject({ ok: false, status: 403 });
    }
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(page({ origin: "https://evil.example" }, method), method).toEqual({ ok: true });
    }
  });

  it("accepts Sec-Fetch-Site: same-origin without an Origin, never with a foreign one", () => {
    expect(page({ "sec-fetch-site": "same-origin" })).toEqual({ ok: true });
    expect(page({ "sec-fetch-site": "same-site" })).toMatchObject({ ok: false, status: 403 });
    expect(page({ "sec-fetch-site": "same-origin", origin: "https://evil.example" })).toMatchObject({ ok: false });
    expect(page({ "sec-fetch-site": "same-origin", origin: "http://127.0.0.1:4000" })).toMatchObject({ ok: false });
    // TLS ended at a proxy that sends no X-Forwarded-Proto: the browser's word covers the scheme only.
    expect(page({ "sec-fetch-site": "same-origin", origin: "https://127.0.0.1:3000" })).toEqual({ ok: true });
    expect(page({ "sec-fetch-site": "same-site", origin: "https://127.0.0.1:3000" })).toMatchObject({ ok: false });
  });

  it("takes the scheme a TLS proxy reports, and BACKCHANNEL_URL's origin for its own host", () => {
    const tls = { host: "127.0.0.1:3000", "x-forwarded-proto": "https" };
    expect(requestOrigin(new Headers(tls), hosts)).toBe("https://127.0.0.1:3000");
    expect(fromOwnOrigin(new Headers({ ...tls, origin: "https://127.0.0.1:3000" }), hosts)).toBe(true);
    expect(fromOwnOrigin(new Headers({ ...tls, origin: "http://127.0.0.1:3000" }), hosts)).toBe(false);
    const publicHost = { host: "backchannel.example.org" };
    expect(requestOrigin(new Headers(publicHost), hosts)).toBe("https://backchannel.example.org");
    expect(fromOwnOrigin(new Headers({ ...publicHost, origin: "https://backchannel.example.org" }), hosts)).toBe(true);
    expect(fromOwnOrigin(new Headers({ ...publicHost, origin: "http://backchannel.example.org" }), hosts)).toBe(false);
    // The other names it answers to (loopback, BACKCHANNEL_ALLOWED_HOSTS) keep their own origin.
    expect(requestOrigin(new Headers({ host: "localhost:3000" }), hosts)).toBe("http://localhost:3000");
    expect(requestOrigin(new Headers({ host: "localhost:80" }), hosts)).toBe("http://localhost");
  });

  it("lets an API request without a cookie through (a token, or nothing and a 401), not one with a cookie", () => {
    const api = (headers: Record<string, string>) =>
      checkRequest(request({ host: "127.0.0.1:3000", ...headers }, "PATCH", "/api/v1/grievances/x"), hosts);
    expect(api({ authorization: "Bearer t" })).toEqual({ ok: true });
    expect(api({ authorization: "Bearer t", origin: "garbage" })).toEqual({ ok: true });
    expect(api({})).toEqual({ ok: true });
    expect(api({ cookie: "s=1", authorization: "Bearer t" })).toMatchObject({ ok: false, status: 403 });
    expect(api({ cookie: "s=1", origin: "garbage" })).toMatchObject({ ok: false, status: 403 });
    expect(api({ cookie: "s=1", origin: "http://127.0.0.1:3000" })).toEqual({ ok: true });
    // A page path is a server action's, whatever credential it carries.
    const action = checkRequest(request({ host: "127.0.0.1:3000", authorization: "Bearer t" }, "POST", "/"), hosts);
    expect(action).toMatchObject({ ok: false, status: 403 });
  });
});

describe("the size of a page POST", () => {
  const post = (headers: Record<string, string>, pathname = "/grievances/new") =>
    checkRequest(
      request({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", ...headers }, "POST", pathname),
      hosts,
    );

  it("refuses a declared length over the server-action limit with 413, before Next reads it", () => {
    expect(post({ "content-length": String(ACTION_BODY_LIMIT + 1) })).toMatchObject({
      ok: false,
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
    });
    expect(post({ "content-length": String(ACTION_BODY_LIMIT) })).toEqual({ ok: true });
    // Route handlers cap their own bodies (a smaller limit, also 413).
    expect(post({ "content-length": String(ACTION_BODY_LIMIT + 1) }, "/api/v1/grievances")).toEqual({ ok: true });
  });

  it("uses the limit next.config.ts gives Next, read as Next reads it", () => {
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    // next/dist/compiled/bytes is what Next parses bodySizeLimit with; it ships no types.
    const parse = (createRequire(import.meta.url)("next/dist/compiled/bytes") as { parse(v: unknown): number }).parse;
    expect(parse(limit)).toBe(ACTION_BODY_LIMIT);
  });

  it("counts a body sent without a length", async () => {
    const stream = (sizes: number[]) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const size of sizes) controller.enqueue(new Uint8Array(size));
          controller.close();
        },
      });
    expect(await bodyExceeds(stream([600_000, 600_000]), ACTION_BODY_LIMIT)).toBe(true);
    expect(await bodyExceeds(stream([600_000, 448_576]), ACTION_BODY_LIMIT)).toBe(false);
    expect(await bodyExceeds(null, ACTION_BODY_LIMIT)).toBe(false);
  });
});
