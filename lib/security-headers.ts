// Response headers for every page and API answer, and the request checks the proxy makes before
// Next.js sees a request. Pure functions, so they are unit-tested without a server. Why each:
// docs/reliability.md (headers and published attacks).

export type SecurityContext = {
  /** The request is served over TLS (directly or behind a proxy that says so). */
  https: boolean;
  /** next dev needs eval for its error overlay; production never does. */
  dev: boolean;
};

/** A Content-Security-Policy with a per-request nonce: only the app's own scripts run. */
export function contentSecurityPolicy(nonce: string, { https, dev }: SecurityContext): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (bar widths, Radix positioning) cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function securityHeaders(context: SecurityContext): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(context.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

type SiteEnv = { BACKCHANNEL_URL?: string; BACKCHANNEL_ALLOWED_HOSTS?: string };

/** Hosts the app answers to: BACKCHANNEL_URL's, BACKCHANNEL_ALLOWED_HOSTS, and loopback names. */
export function allowedHosts(env: SiteEnv): Set<string> {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  if (env.BACKCHANNEL_URL) hosts.add(new URL(env.BACKCHANNEL_URL).hostname.toLowerCase());
  for (const host of (env.BACKCHANNEL_ALLOWED_HOSTS ?? "").split(","))
    if (host.trim()) hosts.add(host.trim().toLowerCase());
  return hosts;
}

/** Where the app is served: the hosts it answers to, and its public URL when BACKCHANNEL_URL names one. */
export type Site = { hosts: Set<string>; publicUrl: URL | null };

export function siteOf(env: SiteEnv): Site {
  return { hosts: allowedHosts(env), publicUrl: env.BACKCHANNEL_URL ? new URL(env.BACKCHANNEL_URL) : null };
}

/**
 * The largest body a server action may post, in bytes: next.config.ts's
 * `experimental.serverActions.bodySizeLimit` (a test keeps the two equal). Next refuses a larger
 * one itself, but as a 500; the proxy answers 413 first.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** The hostname of a Host header value, without its port. */
export function hostnameOf(host: string | null): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The origin this request was sent to, as the browser that sent it names it: BACKCHANNEL_URL's for
 * its host (and port), else the Host (or X-Forwarded-Host) with the scheme a TLS proxy reports. Believing
 * X-Forwarded-Proto here is safe: a cross-site page cannot set it on its victim's request, so it
 * can only make the expected origin the one the browser really used.
 */
export function requestOrigin(headers: Headers, site: Site): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return null;
  if (site.publicUrl && host.toLowerCase() === site.publicUrl.host) return site.publicUrl.origin;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * An Origin header's value when it is an origin written as browsers write one (scheme, host, and
 * port unless the default; no path, no user), so "http://evil@localhost:3000" is not localhost's.
 */
function originHeader(value: string): string | null {
  try {
    const { origin } = new URL(value);
    return origin !== "null" && origin === value.toLowerCase() ? origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from the app's own pages: its Origin is the app's
 * (scheme, host and port), or it carries none and the browser says `Sec-Fetch-Site: same-origin`.
 * When the browser says same-origin and only the scheme differs, TLS ended at a proxy that does
 * not send X-Forwarded-Proto: the host and port still match, and a browser reports a cross-scheme
 * post as same-site, never same-origin.
 */
export function fromOwnOrigin(headers: Headers, site: Site): boolean {
  const expected = requestOrigin(headers, site);
  const header = headers.get("origin");
  const sameOriginFetch = headers.get("sec-fetch-site") === "same-origin";
  if (header === null) return sameOriginFetch;
  const origin = originHeader(header);
  if (!origin || !expected) return false;
  return origin === expected || (sameOriginFetch && new URL(origin).host === new URL(expected).host);
}

export type Refusal = { ok: false; status: number; code: string; message: string };
export type RequestVerdict = { ok: true } | Refusal;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refusals made before routing, each for a published attack class on Next.js apps:
 * - `x-middleware-subrequest` from outside (CVE-2025-29927, proxy bypass);
 * - a Host the app does not serve (Host-header SSRF and poisoning, e.g. CVE-2024-34351);
 * - a state-changing request (a server action, a form posted without JavaScript, which carries no
 *   Next-Action header, a route handler reached with a cookie) from another origin, `Origin: null`,
 *   or with no Origin and no `Sec-Fetch-Site: same-origin` (CSRF). Next checks only server
 *   actions, by host name, and answers a refusal with a 500;
 * - a page POST larger than a server action may be (Next's own refusal is a 500);
 * - a path that is not valid percent-encoding (it would crash the router).
 * An API request without a cookie needs no Origin: it carries no ambient credential (a script
 * sends a token, which a cross-site page cannot attach), and the route answers 401 without one.
 */
export function checkRequest(
  request: { method: string; headers: Headers; pathname: string },
  site: Site,
): RequestVerdict {
  const { headers, pathname } = request;
  // A path whose percent-escapes do not decode (e.g. "%E0%A4%A") makes Next's router throw a 500
  // while matching dynamic segments; it names no page, so it is refused as a bad request.
  if (!decodes(pathname)) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "The path is not valid URL encoding" };
  }
  if (headers.has("x-middleware-subrequest")) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "Internal headers are not accepted" };
  }
  const host = hostnameOf(headers.get("x-forwarded-host") ?? headers.get("host"));
  if (!host || !site.hosts.has(host)) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "This host is not served here" };
  }
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const api = pathname.startsWith("/api/");
  if ((!api || headers.has("cookie")) && !fromOwnOrigin(headers, site)) {
    return {
      ok: false,
      status: 403,
      code: "FORBIDDEN",
      message: `Refused: a change must be sent from this app's own pages (${requestOrigin(headers, site)}); scripts send an API token`,
    };
  }
  const length = headers.get("content-length");
  if (!api && length !== null && /^\d+$/.test(length) && Number(length) > ACTION_BODY_LIMIT)
    return actionBodyTooLarge();
  return { ok: true };
}

export function actionBodyTooLarge(): Refusal {
  return {
    ok: false,
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
    message: `The form is larger than the limit of ${ACTION_BODY_LIMIT} bytes (${ACTION_BODY_LIMIT / 1024 / 1024} MiB)`,
  };
}

/**
 * Whether a body sent without Content-Length (chunked) is larger than `limit`. The proxy reads a
 * copy Next has buffered anyway (it holds the whole body until the proxy has answered), so reading
 * it to the end costs no more memory than not reading it.
 */
export async function bodyExceeds(body: ReadableStream<Uint8Array> | null, limit: number): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) size += read.value.byteLength;
  return size > limit;
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
