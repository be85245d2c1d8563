// `npm run bench`: how fast the core reads and writes are on a realistic amount of data, and how
// much memory the process holds. Figures, not assertions (the shared machines are noisy); see
// docs/reliability.md for the last ones measured. BENCH_DATABASE_URL=postgresql://… runs it on
// PostgreSQL (the database must exist and be empty); by default a fresh SQLite file.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";

const GRIEVANCES = Number(process.env.BENCH_GRIEVANCES ?? 2000);
const RUNS = 40;

if (!process.env.BENCH_DATABASE_URL) fs.rmSync("data/bench", { recursive: true, force: true });
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL || "file:./data/bench/bench.db";
execFileSync(process.execPath, ["scripts/prisma.mjs", "migrate", "deploy"], { stdio: "ignore" });

const { SYSTEM } = await import("@/lib/server/authz");
const { disconnectDb } = await import("@/lib/server/db");
const { createGrievance, getGrievanceOrThrow, listGrievances, updateGrievance } =
  await import("@/lib/server/grievances");
const { getOverview } = await import("@/lib/server/overview");
const { seedDatabase } = await import("@/lib/server/seed");

async function time(label: string, work: () => Promise<unknown>, runs = RUNS): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(46)} p50 ${pct(0.5).padStart(7)} ms   p95 ${pct(0.95).padStart(7)} ms`);
}

await seedDatabase();
const categories = ["LOCAL_STAFF", "PROPERTY", "VISAS", "FLIGHTS", "BANKING", "STAFFING", "OTHER"] as const;
const parties = ["russia", "united-states", "turkiye"];
const started = performance.now();
for (let i = 0; i < GRIEVANCES; i++) {
  await createGrievance(SYSTEM, {
    title: i % 10 === 0 ? `Визы для дипломатов ${i}` : `Grievance ${i} about consular access`,
    description: `Bench record ${i}: staff, visas and property in İstanbul and Москва.`,
    category: categories[i % categories.length],
    raisedBy: [parties[i % 3]!],
    addressedTo: [parties[(i + 1) % 3]!],
  });
}
const createMs = performance.now() - started;
console.log(
  `Database: ${process.env.DATABASE_URL.startsWith("file:") ? "SQLite" : "PostgreSQL"}, ${GRIEVANCES} grievances + the seed`,
);
console.log(`${"createGrievance (with parties and history)".padEnd(46)} ${(createMs / GRIEVANCES).toFixed(1)} ms each`);

const { items } = await listGrievances(SYSTEM, { limit: 1 });
const target = items[0]!;
await time("list, first page of 50, default sort", () => listGrievances(SYSTEM, {}));
await time("list, party + role + two statuses", () =>
  listGrievances(SYSTEM, { party: "russia", role: "raised", status: "OPEN,STALLED" }),
);
await time("list, search in Cyrillic (москва)", () => listGrievances(SYSTEM, { q: "москва" }));
await time("list, sorted by title, page 10", () => listGrievances(SYSTEM, { sort: "title", cursor: "450" }));
await time("one grievance with timeline", () => getGrievanceOrThrow(SYSTEM, target.id));
await time("overview", () => getOverview(SYSTEM));
let version = target.version;
let flip = false;
await time("status change (version check + history)", async () => {
  flip = !flip;
  const moved = await updateGrievance(SYSTEM, target.id, {
    status: flip ? "STALLED" : "OPEN",
    reason: "bench",
    version,
  });
  version = moved.version;
});
const memory = process.memoryUsage();
console.log(
  `Memory: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
await disconnectDb();
