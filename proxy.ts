import { NextResponse, type NextRequest } from "next/server";
import { requestIsHttps, requestTrust } from "@/lib/request-trust";
import {
  ACTION_BODY_LIMIT,
  actionBodyTooLarge,
  bodyExceeds,
  checkRequest,
  contentSecurityPolicy,
  securityHeaders,
  siteOf,
  type Refusal,
} from "@/lib/security-headers";

// Security headers (a CSP nonce per request) and the refusals that must come before routing: a
// spoofed Host, the x-middleware-subrequest header, a change sent from another origin (server
// actions, forms posted without JavaScript, cookie-authenticated route handlers), a page POST
// larger than a server action may be. No authorization here: it lives in lib/server next to the
// data, so a request that slips past the proxy is still refused by role (architecture.md).

const site = siteOf({
  BACKCHANNEL_URL: process.env.BACKCHANNEL_URL,
  BACKCHANNEL_ALLOWED_HOSTS: process.env.BACKCHANNEL_ALLOWED_HOSTS,
});

/** A refusal in the API's one error shape; never cached. */
function refuse(verdict: Refusal): NextResponse {
  return NextResponse.json(
    { error: { code: verdict.code, message: verdict.message, issues: [] } },
    { status: verdict.status, headers: { "Cache-Control": "no-store" } },
  );
}

export async function proxy(request: NextRequest) {
  const { method, headers } = request;
  const pathname = request.nextUrl.pathname;
  const verdict = checkRequest({ method, headers, pathname }, site);
  if (!verdict.ok) return refuse(verdict);
  // A page POST sent in chunks declares no length: count what Next has buffered for it.
  const chunked = method === "POST" && !headers.has("content-length") && !pathname.startsWith("/api/");
  if (chunked && (await bodyExceeds(request.body, ACTION_BODY_LIMIT))) return refuse(actionBodyTooLarge());
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
  // /_next/image is matched too: it answers 404 (next.config.ts), with the headers of every answer.
  matcher: ["/((?!_next/static|favicon.ico).*)"],
};
