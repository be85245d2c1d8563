import { NextResponse, type NextRequest } from "next/server";
import { allowedHosts, checkRequest, contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";
import { requestIsHttps, requestTrust } from "@/lib/request-trust";

// Security headers (a CSP nonce per request) and the refusals that must come before routing: a
// spoofed Host, the x-middleware-subrequest header, a server action posted cross-site. No
// authorization here: it lives in lib/server next to the data, so a request that slips past the
// proxy is still refused by role (architecture.md, security model).

const hosts = allowedHosts({
  BACKCHANNEL_URL: process.env.BACKCHANNEL_URL,
  BACKCHANNEL_ALLOWED_HOSTS: process.env.BACKCHANNEL_ALLOWED_HOSTS,
});

export function proxy(request: NextRequest) {
  const verdict = checkRequest(
    { method: request.method, headers: request.headers, pathname: request.nextUrl.pathname },
    hosts,
  );
  if (!verdict.ok) {
    return NextResponse.json(
      { error: { code: verdict.code, message: verdict.message, issues: [] } },
      { status: verdict.status },
    );
  }
  // The session cookie's Secure flag follows the same rule (lib/server/auth.ts): HSTS only when
  // BACKCHANNEL_URL is https, or a trusted proxy (BACKCHANNEL_TRUSTED_PROXIES) says so.
  const https = requestIsHttps(request.headers, requestTrust(process.env));
  const context = { https, dev: process.env.NODE_ENV === "development" };
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, context);

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(context))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
