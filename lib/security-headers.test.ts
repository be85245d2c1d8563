import { describe, expect, it } from "vitest";
import { allowedHosts, checkRequest, contentSecurityPolicy, securityHeaders } from "./security-headers";

const hosts = allowedHosts({ BACKCHANNEL_URL: "https://backchannel.example.org" });
const request = (headers: Record<string, string>, method = "GET") => ({ method, headers: new Headers(headers) });

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
        request({ host: "localhost:3000", "next-action": "abc", ...(origin ? { origin } : {}) }, "POST"),
        hosts,
      );
    expect(action("null")).toMatchObject({ ok: false, status: 403 });
    expect(action("https://evil.example.com")).toMatchObject({ ok: false, status: 403 });
    expect(action()).toMatchObject({ ok: false, status: 403 });
    expect(action("http://localhost:3000")).toEqual({ ok: true });
  });
});
