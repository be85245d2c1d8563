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
//
// BACKCHANNEL_WORKERS=N (production only) serves with N processes (node:cluster) on the one port:
// one Next server can use one core, and rendering is what a page's time goes to
// (docs/performance.md). Each worker is this same server, headers and all; the primary only
// forks, restarts a worker that dies, and on SIGTERM/SIGINT stops them all. Unset, 1 process:
// `npm start` sets the default (scripts/start.mjs), the tests and the e2e server run one.
import cluster from "node:cluster";
import http from "node:http";
import { fileURLToPath } from "node:url";

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

const workers = process.env.BACKCHANNEL_WORKERS?.trim() || "1";
if (!/^\d{1,2}$/.test(workers) || Number(workers) < 1) {
  console.error(`BACKCHANNEL_WORKERS must be how many server processes to run (1-99), not "${workers}".`);
  process.exit(1);
}

if (!dev && Number(workers) > 1 && cluster.isPrimary) {
  await superviseWorkers(Number(workers));
} else {
  await serve();
}

/**
 * The primary of a cluster: forks the workers, says ready once all listen, replaces one that
 * dies after it was ready (one that dies before, e.g. port taken, ends the whole server with its
 * code), and on a signal passes it on and exits when every worker has stopped. Workers exit by
 * themselves if the primary is killed (node:cluster ends a worker whose primary disconnects).
 */
async function superviseWorkers(count) {
  let stopping = false;
  let listening = 0;
  let alive = 0;
  const ready = new Set();
  const fork = () => {
    alive++;
    const worker = cluster.fork();
    worker.once("listening", () => {
      ready.add(worker.id);
      if (++listening === count) {
        console.info(`✓ Ready on http://${hostname ?? "localhost"}:${port} (${count} worker processes)`);
      }
    });
  };
  cluster.on("exit", (worker, code, signal) => {
    alive--;
    if (stopping) {
      if (alive === 0) process.exit(stopping === "SIGINT" ? 130 : 143);
      return;
    }
    if (!ready.has(worker.id)) {
      stopping = "failed";
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exit(code || 1);
    }
    console.error(`A server worker stopped (${signal ?? `exit ${code}`}); starting another.`);
    fork();
  });
  // Workers run this file, not the script that imported it (npm start's scripts/start.mjs, whose
  // migrate, seed and build steps are the primary's alone).
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [] });
  for (let i = 0; i < count; i++) fork();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = signal;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      if (alive === 0) process.exit(signal === "SIGINT" ? 130 : 143);
      setTimeout(() => process.exit(1), 15_000).unref();
    });
  }
}

/** One server process: Next behind the node:http server that sets the peer headers. */
async function serve() {
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
    // A worker's readiness is the primary's to announce, once all of them listen.
    if (!cluster.isWorker)
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
}
