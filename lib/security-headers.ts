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

/** Hosts the app answers to: BACKCHANNEL_URL's, BACKCHANNEL_ALLOWED_HOSTS, and loopback names. */
export function allowedHosts(env: { BACKCHANNEL_URL?: string; BACKCHANNEL_ALLOWED_HOSTS?: string }): Set<string> {
  const hosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
  if (env.BACKCHANNEL_URL) hosts.add(new URL(env.BACKCHANNEL_URL).hostname.toLowerCase());
  for (const host of (env.BACKCHANNEL_ALLOWED_HOSTS ?? "").split(","))
    if (host.trim()) hosts.add(host.trim().toLowerCase());
  return hosts;
}

/** The hostname of a Host header value, without its port. */
export function hostnameOf(host: string | null): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export type RequestVerdict = { ok: true } | { ok: false; status: number; code: string; message: string };

/**
 * Refusals made before routing, each for a published attack class on Next.js apps:
 * - `x-middleware-subrequest` from outside (CVE-2025-29927, proxy bypass);
 * - a Host the app does not serve (Host-header SSRF and poisoning, e.g. CVE-2024-34351);
 * - a server action posted from another origin or `Origin: null` (CSRF);
 * - a path that is not valid percent-encoding (it would crash the router).
 */
export function checkRequest(
  request: { method: string; headers: Headers; pathname?: string },
  hosts: Set<string>,
): RequestVerdict {
  // A path whose percent-escapes do not decode (e.g. "%E0%A4%A") makes Next's router throw a 500
  // while matching dynamic segments; it names no page, so it is refused as a bad request.
  if (request.pathname !== undefined && !decodes(request.pathname)) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "The path is not valid URL encoding" };
  }
  if (request.headers.has("x-middleware-subrequest")) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "Internal headers are not accepted" };
  }
  const host = hostnameOf(request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  if (!host || !hosts.has(host)) {
    return { ok: false, status: 400, code: "VALIDATION_FAILED", message: "This host is not served here" };
  }
  if (request.method === "POST" && request.headers.has("next-action")) {
    const origin = request.headers.get("origin");
    if (!origin || origin === "null" || hostnameOf(safeHost(origin)) !== host) {
      return { ok: false, status: 403, code: "FORBIDDEN", message: "Cross-origin form posts are refused" };
    }
  }
  return { ok: true };
}

function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
