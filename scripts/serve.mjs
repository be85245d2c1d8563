#!/usr/bin/env node
// Serves the app: the existing production build, or `--dev` for development. It is `next start`
// / `next dev` through Next's programmatic API behind our own node:http server, for one reason:
// only here is the TCP peer known for sure. Next fills X-Forwarded-For from the socket only when
// the client sent none, so a client that forges it would choose its own address for the sign-in
// throttle. This server drops any client-sent copy of our two headers and sets them itself:
//   x-backchannel-peer  the socket's remote address (lib/request-trust.ts PEER_HEADER)
//   x-backchannel-path  the path and query asked for (PATH_HEADER: sign-in comes back to it)
// Used by scripts/start.mjs (npm start, npm run dev), the system tests and the e2e server.
// Honours PORT (3000), HOST (all interfaces) and NEXT_DIST_DIR through next.config.ts.
import http from "node:http";

const PEER_HEADER = "x-backchannel-peer";
const PATH_HEADER = "x-backchannel-path";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || undefined;
// As the `next` command does: production unless told otherwise.
process.env.NODE_ENV ||= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const proxies = process.env.BACKCHANNEL_TRUSTED_PROXIES;
if (proxies !== undefined && proxies.trim() !== "" && !/^\d{1,2}$/.test(proxies.trim())) {
  console.error(
    `BACKCHANNEL_TRUSTED_PROXIES must be how many reverse proxies stand in front of the app (0-99), not "${proxies}".`,
  );
  process.exit(1);
}

/** The path and query of a request target, whether sent as "/a?b" or in absolute form. */
function requestedPath(target = "/") {
  if (target.startsWith("/")) return target;
  try {
    const url = new URL(target);
    return `${url.pathname}${url.search}`;
  } catch {
    return "/";
  }
}

const { default: next } = await import("next");
const server = http.createServer();
const app = next({ dev, dir: process.cwd(), hostname: hostname ?? "localhost", port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.on("request", (req, res) => {
  // Assigning replaces whatever the client sent under these names (Node joins repeats into one).
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  req.headers[PATH_HEADER] = requestedPath(req.url);
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end("Internal Server Error");
  });
});

server.on("error", (error) => {
  console.error(`Could not serve on ${hostname ?? "all interfaces"}:${port}: ${error.message}`);
  process.exit(1);
});

server.listen(port, hostname, () => {
  console.info(`✓ Ready on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`);
});

// Stop taking connections, let the requests in flight finish, then let Next clean up.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143)));
    // Keep-alive connections would hold server.close open; idle ones go now, the rest soon.
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  });
}
