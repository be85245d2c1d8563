// `npm run bench`: the load benchmark of issue 10 (method and last figures: docs/performance.md).
// It builds a deterministic channel archive (20,000 grievances over 50 parties by default), builds
// and starts the production server as `npm start` does, signs in once, and drives each workload
// with autocannon: 16 connections, a warm-up, then 20 s. A bare node:http server sending a page
// of the list's size is measured first, in the same run, and every figure is also printed as a
// fraction of it, so runs on different days and machines compare. Figures, not assertions.
//
//   npm run bench -- --duration 5                quick look (warm-up shortens with it)
//   npm run bench -- --grievances 200000         the archive ×10 (is the cost flat?)
//   npm run bench -- --only list-html,detail     some workloads
//   npm run bench -- --workers 1                 BACKCHANNEL_WORKERS for the server
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench -- --instances 2
//     on PostgreSQL (a fresh database bench_<pid> on that server, dropped after), N app instances
//     on N ports, autocannon's connections split between them
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { watchRss, type RssPeak } from "./bench/process-tree";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: process.env.BENCH_DURATION ?? "20" },
    warmup: { type: "string" },
    connections: { type: "string", default: "16" },
    writers: { type: "string", default: "8" },
    grievances: { type: "string", default: process.env.BENCH_GRIEVANCES ?? "20000" },
    seed: { type: "string", default: "10" },
    instances: { type: "string", default: "1" },
    workers: { type: "string" },
    only: { type: "string" },
    "dist-dir": { type: "string", default: ".next-bench" },
  },
});
const DURATION = Number(flags.duration);
const WARMUP = Number(flags.warmup ?? Math.min(5, Math.max(1, Math.round(DURATION / 4))));
const CONNECTIONS = Number(flags.connections);
const WRITERS = Number(flags.writers);
const INSTANCES = Number(flags.instances);
const ONLY = flags.only ? new Set(flags.only.split(",")) : null;
const MiB = 2 ** 20;

// ── Budgets (issue 10), on a quiet 2-core machine at 20,000 grievances ───────────────────────

type Budget = { rps?: number; p95?: number };
const BUDGETS: Record<string, Budget> = {
  "list-html": { rps: 60, p95: 400 },
  detail: { rps: 120 },
  "list-json": { rps: 300 },
  overview: { rps: 40 },
  search: { rps: 60 },
  "status-change": { rps: 200, p95: 80 },
};
const RSS_BUDGET = 300 * MiB;

// ── The database ───────────────────────────────────────────────────────────────────────────

const runId = `${new Date().toISOString().replace(/[:.]/g, "-")}`;
const serverUrl = process.env.BENCH_DATABASE_URL;
const onPostgres = !!serverUrl && /^postgres/.test(serverUrl);
let databaseUrl: string;
let dropDatabase = async () => {};
if (onPostgres) {
  const name = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  const dir = path.resolve(`data/bench/${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  databaseUrl = `file:${path.join(dir, "bench.db")}`;
  dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
}

function step<T>(label: string, work: () => T): T {
  const started = Date.now();
  process.stdout.write(`${label}… `);
  const result = work();
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

function node(args: string[]): string {
  const result = spawnSync(process.execPath, args, {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * MiB,
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

type Prepared = {
  archive: {
    grievances: number;
    statusChanges: number;
    meetings: number;
    parties: number;
    listParty: string;
    listMatches: number;
    detailGrievanceId: string;
    heldMeetingIds: string[];
    searchQuery: string;
    searchMatches: number;
    buildMs: number;
    tableMs: Record<string, number>;
  };
  email: string;
  password: string;
  token: string;
};

console.log(
  `Backchannel load benchmark: ${onPostgres ? "PostgreSQL" : "SQLite"}, ${flags.grievances} grievances, ` +
    `${CONNECTIONS} connections, ${WARMUP} s warm-up + ${DURATION} s per workload, ${os.cpus().length} cores, ` +
    `load average ${os.loadavg()[0]!.toFixed(1)}`,
);
// On SQLite the archive is built once per generator, schema, size and seed and copied for each run
// (data/bench/cache): on a busy machine building 20,000 grievances takes minutes, measuring them
// a few. Every run still starts from the same bytes, and the writes of one never reach the next.
const cacheKey = createHash("sha256")
  .update(fs.readFileSync("scripts/bench/archive.ts"))
  .update(fs.readFileSync("scripts/bench/prepare.ts"))
  .update(fs.readdirSync("prisma/migrations").join(","))
  .update(`${flags.grievances}/${flags.seed}`)
  .digest("hex")
  .slice(0, 16);
const cached = path.resolve(`data/bench/cache/archive-${flags.grievances}-${flags.seed}-${cacheKey}`);
const databaseFile = onPostgres ? null : databaseUrl.slice("file:".length);
let prepared: Prepared;
if (databaseFile && fs.existsSync(`${cached}.json`)) {
  fs.copyFileSync(`${cached}.db`, databaseFile);
  prepared = JSON.parse(fs.readFileSync(`${cached}.json`, "utf8")) as Prepared;
  console.log(`Archive copied from ${path.relative(process.cwd(), cached)}.db (built earlier by this generator)`);
} else {
  step("Migrating", () => node(["scripts/prisma.mjs", "migrate", "deploy"]));
  prepared = step("Building the archive", () => {
    const args = ["scripts/bench/prepare.ts", "--grievances", flags.grievances, "--seed", flags.seed];
    const out = node(["scripts/run-ts.mjs", ...args]);
    return JSON.parse(out.trim().split("\n").at(-1)!) as Prepared;
  });
  if (databaseFile) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(databaseFile, `${cached}.db`);
    fs.writeFileSync(`${cached}.json`, JSON.stringify(prepared));
  }
}
const { archive, token } = prepared;
console.log(
  `  ${archive.grievances} grievances, ${archive.statusChanges} status changes, ${archive.meetings} meetings, ` +
    `${archive.parties} parties in ${(archive.buildMs / 1000).toFixed(1)} s; ` +
    `${archive.listMatches} match the list filter, ${archive.searchMatches} the search "${archive.searchQuery}"`,
);

// ── The servers, started as `npm start` starts them ──────────────────────────────────────────

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

type Instance = { url: string; process: ChildProcess; output: () => string };

async function waitFor(url: string, child: ChildProcess, output: () => string, headers = {}, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output()}`);
    try {
      if ((await fetch(url, { headers })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${url}:\n${output()}`);
}

async function startInstance(): Promise<Instance> {
  const port = await freePort();
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXT_DIST_DIR: flags["dist-dir"],
  };
  if (flags.workers) env.BACKCHANNEL_WORKERS = flags.workers;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/parties`, child, () => output, { authorization: `Bearer ${token}` });
  return { url, process: child, output: () => output };
}

const instances: Instance[] = [];
async function stopAll() {
  await Promise.all(
    instances.map(
      (i) =>
        new Promise<void>((resolve) => {
          if (i.process.exitCode !== null) return resolve();
          i.process.once("exit", () => resolve());
          i.process.kill("SIGTERM");
        }),
    ),
  );
}
process.on(
  "SIGINT",
  () =>
    void stopAll()
      .then(dropDatabase)
      .finally(() => process.exit(130)),
);

// Whatever fails from here on, the servers stop and the database goes.
try {
  const started = Date.now();
  process.stdout.write("Building (if needed) and starting the server as npm start does… ");
  // The first start builds when the build is stale; the others then find it up to date.
  instances.push(await startInstance());
  for (let i = 1; i < INSTANCES; i++) instances.push(await startInstance());
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s, ${instances.length} instance(s)`);
  const base = instances[0]!.url;

  // Sign in once, through the form as a browser without JavaScript posts it (sign-in is
  // throttled, so every HTML request reuses this one session cookie).
  async function signIn(): Promise<string> {
    const page = await (await fetch(`${base}/sign-in`)).text();
    const form = page
      .split("<form")
      .find((part) => part.includes('name="password"'))!
      .split("</form>")[0]!;
    const unescape = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&");
    const body = new FormData();
    for (const input of form.match(/<input[^>]*type="hidden"[^>]*>/g) ?? []) {
      body.append(
        unescape(/name="([^"]*)"/.exec(input)?.[1] ?? ""),
        unescape(/value="([^"]*)"/.exec(input)?.[1] ?? ""),
      );
    }
    body.append("email", prepared.email);
    body.append("password", prepared.password);
    const answer = await fetch(`${base}/sign-in`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { origin: base },
    });
    const cookie = answer.headers.getSetCookie().find((c) => /session_token=/.test(c));
    if (!cookie) throw new Error(`sign-in failed: ${answer.status}`);
    return cookie.split(";")[0]!;
  }
  const cookie = await signIn();

  // A browser's headers: it accepts compressed answers, so the bytes are those on the wire.
  const BROWSER = { cookie, "accept-encoding": "gzip, deflate, br", accept: "text/html" };
  const API = { authorization: `Bearer ${token}`, "accept-encoding": "gzip, deflate, br", accept: "application/json" };

  async function getJson(pathname: string): Promise<any> {
    const answer = await fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
    if (answer.status !== 200) throw new Error(`GET ${pathname}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  }

  // ── The workloads ────────────────────────────────────────────────────────────────────────────

  type Request = {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    [k: string]: unknown;
  };
  type Workload = {
    name: string;
    label: string;
    connections?: number;
    headers: Record<string, string>;
    requests: () => Promise<Request[]> | Request[];
  };

  const LIST_FILTER = `party=${archive.listParty}&role=raised&status=OPEN&limit=25`;
  const WRITER_GRIEVANCES = 20;

  /** The cursors of the pages after the 10,000th row, reached by following the API's own links. */
  async function deepCursors(pages: number): Promise<string[]> {
    let cursor: string | null = null;
    let seen = 0;
    while (seen < 10_000) {
      const page: any = await getJson(
        `/api/v1/grievances?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      seen += page.items.length;
      cursor = page.nextCursor;
      if (!cursor) throw new Error(`the list ended at ${seen} rows`);
    }
    const cursors = [cursor!];
    while (cursors.length < pages) {
      const page: any = await getJson(`/api/v1/grievances?limit=25&cursor=${encodeURIComponent(cursors.at(-1)!)}`);
      if (!page.nextCursor) break;
      cursors.push(page.nextCursor);
    }
    return cursors;
  }

  // Where the writers' grievances start: apart from each other and from the read workloads'.
  const STATUS_WRITERS_FROM = Math.floor(archive.grievances / 20);
  const OUTCOME_WRITERS_FROM = Math.floor(archive.grievances / 4);

  /** The grievances writer w changes (its own, so no two writers race for one version). */
  const writerIds = (w: number, offset: number) =>
    Array.from(
      { length: WRITER_GRIEVANCES },
      (_, k) => `bench-g-${String(offset + w * WRITER_GRIEVANCES + k + 1).padStart(7, "0")}`,
    );

  const WORKLOADS: Workload[] = [
    {
      name: "list-html",
      label: "list HTML, party-07 raised OPEN, 25",
      headers: BROWSER,
      requests: () => [{ path: `/grievances?${LIST_FILTER}` }],
    },
    {
      name: "list-json",
      label: "list JSON, same filter",
      headers: API,
      requests: () => [{ path: `/api/v1/grievances?${LIST_FILTER}` }],
    },
    {
      name: "detail",
      label: "grievance page, 6 history entries",
      headers: BROWSER,
      requests: () => [{ path: `/grievances/${archive.detailGrievanceId}` }],
    },
    { name: "overview", label: "overview", headers: BROWSER, requests: () => [{ path: "/" }] },
    {
      name: "search",
      label: `search "${archive.searchQuery}" (HTML)`,
      headers: BROWSER,
      requests: () => [{ path: `/grievances?q=${encodeURIComponent(archive.searchQuery)}&limit=25` }],
    },
    {
      name: "party",
      label: "party page",
      headers: BROWSER,
      requests: () => [{ path: `/parties/${archive.listParty}` }],
    },
    {
      name: "deep-list",
      label: "list JSON, pages after row 10,000",
      headers: API,
      requests: async () =>
        (await deepCursors(20)).map((cursor) => ({
          path: `/api/v1/grievances?limit=25&cursor=${encodeURIComponent(cursor)}`,
        })),
    },
    {
      name: "status-change",
      label: `status changes, ${WRITERS} writers (API)`,
      connections: WRITERS,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      requests: async () => {
        // autocannon gives a connection a fresh context each time it starts its request list
        // over, so a writer cannot keep "its" grievances there. Instead a grievance is taken from
        // a pool when a change is sent and put back when its answer arrives: no two changes in
        // flight touch one grievance, and each carries the version the last answer gave back,
        // as a client that saw the record would.
        const state = new Map<string, { version: number; status: string }>();
        for (let w = 0; w < WRITERS; w++) {
          for (const id of writerIds(w, STATUS_WRITERS_FROM)) {
            const g = await getJson(`/api/v1/grievances/${id}`);
            state.set(id, { version: g.version, status: g.status });
          }
        }
        const free = [...state.keys()];
        return [
          {
            method: "PATCH",
            path: "/",
            setupRequest: (req: Request) => {
              const id = free.shift()!;
              const current = state.get(id)!;
              return {
                ...req,
                path: `/api/v1/grievances/${id}`,
                body: JSON.stringify({
                  status: current.status === "STALLED" ? "IN_NEGOTIATION" : "STALLED",
                  reason: "Load benchmark move",
                  version: current.version,
                }),
              };
            },
            // The id comes from the answer (a 409 carries the grievance as it stands, which the
            // writer takes up as a client would; the refusal still counts as non-2xx).
            onResponse: (status: number, body: string) => {
              if (status !== 200 && status !== 409) return;
              const answer = JSON.parse(body);
              const g = status === 200 ? answer : answer.error?.current;
              if (!g?.id) return;
              state.set(g.id, { version: g.version, status: g.status });
              free.push(g.id);
            },
          },
        ];
      },
    },
    {
      name: "outcome",
      label: `meeting outcome of 10 grievances, ${WRITERS} writers`,
      connections: WRITERS,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      requests: () => {
        // Groups of 10 grievances taken from a pool and put back when the answer arrives (as for
        // status changes), each group moving between two statuses at every round it is logged for.
        // Two groups per writer: the warm-up's last answers never come back to its pool, and a
        // writer must never have to share a group that is in flight.
        const groups = Array.from({ length: 2 * WRITERS }, (_, k) => ({
          ids: writerIds(k >> 1, OUTCOME_WRITERS_FROM).slice((k % 2) * 10, (k % 2) * 10 + 10),
          turn: 0,
          meeting: archive.heldMeetingIds[(k * 97) % archive.heldMeetingIds.length]!,
        }));
        const free = [...groups];
        const inFlight = new Map<string, (typeof groups)[number]>();
        return [
          {
            method: "POST",
            path: "/",
            setupRequest: (req: Request) => {
              const group = free.shift() ?? groups[0]!;
              group.turn++;
              inFlight.set(group.meeting, group);
              // Dated now: a round logged today, after every move the archive holds.
              const occurredAt = new Date().toISOString();
              const status = group.turn % 2 ? "STALLED" : "IN_NEGOTIATION";
              return {
                ...req,
                path: `/api/v1/meetings/${group.meeting}/outcomes`,
                body: JSON.stringify({
                  occurredAt,
                  outcomes: group.ids.map((grievanceId) => ({ grievanceId, status, note: "Load benchmark outcome" })),
                }),
              };
            },
            // The answer is the meeting: its id says which group is free again.
            onResponse: (_status: number, body: string) => {
              const id = (JSON.parse(body) as { id?: string }).id;
              const group = id ? inFlight.get(id) : undefined;
              if (group) free.push(group);
            },
          },
        ];
      },
    },
  ];

  // ── Measuring ──────────────────────────────────────────────────────────────────────────────

  type Figures = {
    name: string;
    label: string;
    connections: number;
    requests: number;
    rps: number;
    p50: number;
    p95: number;
    p99: number;
    errors: number;
    non2xx: number;
    /** How many answers of each status code (in the JSON report: which refusals the non-2xx were). */
    statusCodes: Record<string, number>;
    bytesPerResponse: number;
    rss: RssPeak;
    budget?: Budget;
  };

  /** p95 is not among autocannon's fixed percentiles (p90, p97_5): read it from its histogram. */
  function run(
    urls: string[],
    options: { connections: number; duration: number; headers: Record<string, string>; requests: Request[] },
  ): Promise<autocannon.Result & { p95: number }> {
    return new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url: urls.length === 1 ? urls[0]! : urls,
          connections: options.connections,
          duration: options.duration,
          headers: options.headers,
          requests: options.requests as autocannon.Request[],
          timeout: 30,
        } as autocannon.Options,
        (error, result) => (error ? reject(error) : resolve({ ...result, p95: histogram.getValueAtPercentile(95) })),
      );
      const histogram = latencies(instance);
    });
  }

  /** Our own latency histogram of every response, for percentiles autocannon does not print. */
  function latencies(instance: autocannon.Instance) {
    const samples: number[] = [];
    instance.on("response", (_client, _status, _bytes, ms) => samples.push(ms));
    return {
      getValueAtPercentile: (p: number) => {
        const sorted = [...samples].sort((a, b) => a - b);
        return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
      },
    };
  }

  const roots = () => instances.map((i) => i.process.pid!);

  async function measure(
    name: string,
    label: string,
    urls: string[],
    connections: number,
    headers: Record<string, string>,
    requests: Request[],
    pids: () => number[],
  ): Promise<Figures> {
    if (WARMUP > 0) await run(urls, { connections, duration: WARMUP, headers, requests });
    const rss = watchRss(pids());
    const result = await run(urls, { connections, duration: DURATION, headers, requests });
    const peak = rss.stop();
    return {
      name,
      label,
      connections,
      requests: result.requests.total,
      rps: result.requests.total / DURATION,
      p50: result.latency.p50,
      p95: result.p95,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries((result as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(
          ([code, stat]) => [code, stat.count],
        ),
      ),
      bytesPerResponse: result.requests.total ? result.throughput.total / result.requests.total : 0,
      rss: peak,
      budget: BUDGETS[name],
    };
  }

  // Calibration: the bare node:http server, sending as many bytes as the list page did.
  const listProbe = await fetch(`${base}/grievances?${LIST_FILTER}`, { headers: BROWSER });
  const listBytes = Number(listProbe.headers.get("content-length")) || (await listProbe.arrayBuffer()).byteLength;
  const calibrationPort = await freePort();
  const calibration = spawn(process.execPath, ["scripts/bench/calibration-server.mjs"], {
    env: { ...process.env, PORT: String(calibrationPort), BYTES: String(listBytes) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((r) => calibration.stdout!.once("data", r));
  console.log(`\nCalibration: bare node:http sending ${(listBytes / 1024).toFixed(1)} KiB per response…`);
  const yardstick = await measure(
    "calibration",
    `bare node:http, ${(listBytes / 1024).toFixed(1)} KiB`,
    [`http://127.0.0.1:${calibrationPort}`],
    CONNECTIONS,
    {},
    [{ path: "/" }],
    () => [calibration.pid!],
  );
  calibration.kill("SIGTERM");

  const results: Figures[] = [yardstick];
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

  function budgetText(f: Figures): string {
    const parts: string[] = [];
    if (f.budget?.rps !== undefined) parts.push(`≥ ${f.budget.rps}/s ${verdict(f.rps >= f.budget.rps)}`);
    if (f.budget?.p95 !== undefined) parts.push(`p95 ≤ ${f.budget.p95} ms ${verdict(f.p95 <= f.budget.p95)}`);
    if (f.name !== "calibration") parts.push(`RSS ≤ 300 MiB ${verdict(f.rss.total <= RSS_BUDGET)}`);
    return parts.join(", ");
  }

  const HEADER =
    `${"workload".padEnd(40)} ${"req/s".padStart(7)} ${"of cal.".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ` +
    `${"p99".padStart(7)} ${"err/non2xx".padStart(10)} ${"bytes/resp".padStart(10)} ${"peak RSS".padStart(13)}  budget`;
  function print(f: Figures) {
    if (f.requests === 0) {
      // On a saturated machine a page can take longer than the whole window: say so, not "0 ms".
      const rss = `${fmt(f.rss.total / MiB)} MiB/${f.rss.processes}p`;
      console.log(
        `${f.label.slice(0, 40).padEnd(40)} no answer within ${DURATION} s  (peak RSS ${rss})  ${budgetText(f)}`,
      );
      return;
    }
    console.log(
      `${f.label.slice(0, 40).padEnd(40)} ${fmt(f.rps).padStart(7)} ${`${((f.rps / yardstick.rps) * 100).toFixed(1)}%`.padStart(7)} ` +
        `${`${fmt(f.p50)} ms`.padStart(7)} ${`${fmt(f.p95)} ms`.padStart(7)} ${`${fmt(f.p99)} ms`.padStart(7)} ` +
        `${`${f.errors}/${f.non2xx}`.padStart(10)} ${fmt(f.bytesPerResponse).padStart(10)} ` +
        `${`${fmt(f.rss.total / MiB)} MiB/${f.rss.processes}p`.padStart(13)}  ${budgetText(f)}`,
    );
  }
  console.log(HEADER);
  print(yardstick);

  const urls = instances.map((i) => i.url);
  for (const workload of WORKLOADS) {
    if (ONLY && !ONLY.has(workload.name)) continue;
    const requests = await workload.requests();
    // Split the connections evenly over the instances (autocannon round-robins its connections).
    const connections = workload.connections ?? CONNECTIONS;
    const figures = await measure(workload.name, workload.label, urls, connections, workload.headers, requests, roots);
    results.push(figures);
    print(figures);
  }
  console.log(
    `Peak RSS is the sum over the server's process tree (launcher included); "of cal." is req/s as a share of the calibration.`,
  );

  const report = {
    startedAt: runId,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      loadAverage: os.loadavg(),
      totalMemory: os.totalmem(),
    },
    database: onPostgres ? "postgresql" : "sqlite",
    instances: INSTANCES,
    workers: flags.workers ?? process.env.BACKCHANNEL_WORKERS ?? "default",
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    warmupSeconds: WARMUP,
    archive: { ...archive, heldMeetingIds: archive.heldMeetingIds.length },
    results: results.map((f) => ({ ...f, ofCalibration: f.rps / yardstick.rps })),
  };
  fs.mkdirSync("reports/bench", { recursive: true });
  const reportFile = `reports/bench/${runId}.json`;
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  console.log(`Report: ${reportFile}`);
} finally {
  await stopAll();
  await dropDatabase();
}
