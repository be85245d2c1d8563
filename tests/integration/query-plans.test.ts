import { beforeAll, describe, expect, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/database-url";
import { encodeCursor } from "@/lib/schemas/cursor";
import { SYSTEM } from "@/lib/server/authz";
import { getDb, onQuery, type SentQuery } from "@/lib/server/db";
import { getGrievanceHistory, getGrievanceOrThrow, listGrievances } from "@/lib/server/grievances";
import { getOverview } from "@/lib/server/overview";
import { listPartyOptions } from "@/lib/server/parties";

// Issue 10: the hot reads must cost the same at 200,000 grievances as at 20,000, so none may read
// the whole grievance or history table. Each case runs the lib/server function, captures the SQL
// Prisma sent (BACKCHANNEL_QUERY_EVENTS, lib/server/db.ts) and asks the database how it would run
// each statement: SQLite's EXPLAIN QUERY PLAN must not SCAN either table (a SEARCH seeks an index),
// PostgreSQL's EXPLAIN must use no Seq Scan on them. PostgreSQL's planner picks a Seq Scan on a
// small table whatever the indexes, so the archive here is a few thousand rows and ANALYZEd.

process.env.BACKCHANNEL_QUERY_EVENTS = "1";

const GRIEVANCES = 3_000;
const PARTIES = 30;
const postgres = resolveDatabaseTarget().kind === "postgresql";
/** The big tables, as SQLite's plans name them (Prisma aliases joined tables, see aliases()). */
const BIG = ["Grievance", "GrievanceStatusChange"];

let captured: SentQuery[] = [];
let target: string;

/** The tables each alias in a statement stands for ("j0" for `Grievance` AS `j0`). */
function aliases(sql: string): Map<string, string> {
  const map = new Map<string, string>(BIG.map((t) => [t, t]));
  for (const m of sql.matchAll(/[`"](?:main[`"]\.[`"])?(?:public[`"]\.[`"])?(\w+)[`"] AS [`"](\w+)[`"]/g)) {
    map.set(m[2]!, m[1]!);
  }
  return map;
}

/** Params as the client sent them, in the form $queryRawUnsafe takes back. */
function paramsOf(query: SentQuery): unknown[] {
  const values = JSON.parse(query.params) as unknown[];
  return values.map((v) =>
    typeof v === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:?\d\d)$/.test(v) ? new Date(v) : v,
  );
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
};

/** A count or grouping: it reads every row its index range holds, where a page stops at its LIMIT. */
const aggregates = (sql: string) => /COUNT\(|GROUP BY/i.test(sql);

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

/**
 * The ways a statement would read a big table whole, in the database's own words. `seeks` names a
 * column the statement filters on that an index must answer (search's LIKE on "searchText"):
 * walking another index and filtering every row is a whole read too.
 */
async function wholeTableReads(query: SentQuery, seeks: string | undefined): Promise<string[]> {
  const db = await getDb();
  if (postgres) {
    const [row] = await db.$queryRawUnsafe<Array<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }>>(
      `EXPLAIN (FORMAT JSON) ${query.query}`,
      ...paramsOf(query),
    );
    const plan = row!["QUERY PLAN"][0]!.Plan;
    const filtersColumn = seeks !== undefined && new RegExp(`"${seeks}"(::text)? LIKE`).test(query.query);
    const seeksColumn = !filtersColumn || nodes(plan).some((n) => (n["Index Cond"] ?? "").includes(`"${seeks}"`));
    const scans = nodes(plan)
      .filter((n) => BIG.includes(n["Relation Name"] ?? ""))
      .filter(
        (n) =>
          n["Node Type"] === "Seq Scan" ||
          // An index range of every live row ("deletedAt" IS NULL and nothing else) is the whole table.
          (aggregates(query.query) && /^\(?"deletedAt" IS NULL\)?$/.test(n["Index Cond"] ?? "")),
      )
      .map((n) => `${n["Node Type"]} on ${n["Relation Name"]} ${n["Index Cond"] ?? ""}`);
    return seeksColumn ? scans : [...scans, `no index condition on ${seeks}`];
  }
  const names = aliases(query.query);
  const plan = await db.$queryRawUnsafe<Array<{ detail: string }>>(
    `EXPLAIN QUERY PLAN ${query.query}`,
    ...paramsOf(query),
  );
  const details = plan.map((row) => row.detail);
  // A page's statement that walks an index in its ORDER BY (no sort step) stops at its LIMIT, as
  // PostgreSQL's Index Scan under a Limit does (the overview's latest moves): not a whole read.
  const stopsAtLimit =
    !aggregates(query.query) && /\bLIMIT\b/i.test(query.query) && !details.some((d) => /TEMP B-TREE/.test(d));
  return details.filter((detail) => {
    const scan = /^SCAN (?:main\.)?(\w+)( USING (?:COVERING )?INDEX)?/.exec(detail);
    if (scan) return BIG.includes(names.get(scan[1]!) ?? scan[1]!) && !(scan[2] && stopsAtLimit);
    // An index range of every live row (deletedAt IS NULL and nothing else) is the whole table.
    const live = /^SEARCH (?:main\.)?(\w+) USING (?:COVERING )?INDEX \S+ \(deletedAt=\?\)$/.exec(detail);
    return live !== null && aggregates(query.query) && BIG.includes(names.get(live[1]!) ?? live[1]!);
  });
}

/** The statements `read` sends that touch a big table, each with how it would read that table whole. */
async function plansOf(read: () => Promise<unknown>, seeks: string | undefined) {
  captured = [];
  await read();
  const statements = captured.filter((q) => /[`"](Grievance|GrievanceStatusChange)[`"]/.test(q.query));
  return Promise.all(
    statements.map(async (q) => ({ sql: q.query.slice(0, 160), scans: await wholeTableReads(q, seeks) })),
  );
}

/** Asserts `read` sent statements on the big tables and none of them (but those `skip` picks) reads one whole. */
async function expectNoWholeTableRead(
  read: () => Promise<unknown>,
  skip: (sql: string) => boolean = () => false,
  { seeks }: { seeks?: string } = {},
) {
  const plans = (await plansOf(read, seeks)).filter((p) => !skip(p.sql));
  expect(plans.length).toBeGreaterThan(0);
  expect(plans.filter((p) => p.scans.length)).toEqual([]);
}

beforeAll(async () => {
  const db = await getDb();
  await onQuery((q) => captured.push(q));
  const day = 86_400_000;
  const start = Date.UTC(2018, 0, 1);
  await db.party.createMany({
    data: Array.from({ length: PARTIES }, (_, i) => ({
      id: `qp-party-${i}`,
      slug: `qp-${i}`,
      name: `Plan party ${i}`,
    })),
  });
  const statuses = ["OPEN", "IN_NEGOTIATION", "STALLED", "RESOLVED"] as const;
  for (let from = 0; from < GRIEVANCES; from += 500) {
    const ids = Array.from({ length: 500 }, (_, k) => from + k);
    await db.grievance.createMany({
      data: ids.map((i) => ({
        id: `qp-g-${String(i).padStart(5, "0")}`,
        title: `Plan grievance ${i}`,
        category: "OTHER" as const,
        status: statuses[i % statuses.length]!,
        lastMovedAt: new Date(start + ((i * 7) % 1500) * day),
        createdAt: new Date(start + i * 1000),
        // The searched words are in one grievance in a hundred, as a real search's are rare: where
        // most rows match, reading the table is the right plan.
        searchText: `plan grievance ${i} ${i % 100 === 0 ? "visas embassy" : "consulate"}`,
      })),
    });
    await db.grievanceParty.createMany({
      data: ids.flatMap((i) => [
        {
          grievanceId: `qp-g-${String(i).padStart(5, "0")}`,
          partyId: `qp-party-${i % PARTIES}`,
          role: "RAISED_BY" as const,
        },
        {
          grievanceId: `qp-g-${String(i).padStart(5, "0")}`,
          partyId: `qp-party-${(i + 1) % PARTIES}`,
          role: "ADDRESSED_TO" as const,
        },
      ]),
    });
    await db.grievanceStatusChange.createMany({
      data: ids.flatMap((i) =>
        [0, 1, 2, 3].map((k) => ({
          grievanceId: `qp-g-${String(i).padStart(5, "0")}`,
          fromStatus: k === 0 ? null : statuses[(i + k - 1) % statuses.length]!,
          toStatus: statuses[(i + k) % statuses.length]!,
          reason: `Move ${k}`,
          occurredAt: new Date(start + ((i * 7) % 1500) * day - (3 - k) * day),
        })),
      ),
    });
  }
  if (postgres) await db.$executeRawUnsafe("ANALYZE");
  target = "qp-g-01234";
}, 120_000);

describe("the hot reads' plans seek an index and read no big table whole", () => {
  it("the list filtered by party, role and status", async () => {
    await expectNoWholeTableRead(() =>
      listGrievances(SYSTEM, { party: "qp-7", role: "raised", status: "OPEN", limit: 25 }),
    );
  });

  it("the default list's first page (its rows; the unfiltered total is below)", async () => {
    await expectNoWholeTableRead(() => listGrievances(SYSTEM, { limit: 25 }), aggregates);
  });

  it("a deep page, by keyset cursor", async () => {
    const db = await getDb();
    const [row] = await db.grievance.findMany({
      orderBy: [{ lastMovedAt: "desc" }, { id: "desc" }],
      skip: 2_000,
      take: 1,
      select: { id: true, lastMovedAt: true },
    });
    const cursor = encodeCursor({
      sort: "lastMovedAt:desc,id:desc",
      values: [row!.lastMovedAt.toISOString(), row!.id],
      position: 2_000,
      before: false,
    });
    const page = await listGrievances(SYSTEM, { limit: 25, cursor });
    expect(page.items).toHaveLength(25);
    await expectNoWholeTableRead(() => listGrievances(SYSTEM, { limit: 25, cursor }), aggregates);
  });

  it("a grievance's page", async () => {
    await expectNoWholeTableRead(() => getGrievanceOrThrow(SYSTEM, target));
  });

  it("a grievance's history", async () => {
    await expectNoWholeTableRead(() => getGrievanceHistory(SYSTEM, target));
  });

  it("the party picker reads no grievance row at all", async () => {
    captured = [];
    const options = await listPartyOptions(SYSTEM);
    expect(options).toHaveLength(PARTIES);
    expect(captured.filter((q) => /Grievance/.test(q.query))).toEqual([]);
  });

  // `q=` is a LIKE '%term%' per word on the folded text, which no B-tree index serves. PostgreSQL
  // answers it from a trigram GIN index (migration search_trigram_index). On SQLite it is not yet
  // flat (issue 10, unfinished): no index for LIKE '%…%' is reachable from Prisma's where clause,
  // so the case is marked as failing there, and the fix will show as `it.fails` reporting it.
  (postgres ? it : it.fails)("search (q=, two words): a trigram index seek, not a scan", async () => {
    await expectNoWholeTableRead(() => listGrievances(SYSTEM, { q: "visas embassy", limit: 25 }), undefined, {
      seeks: "searchText",
    });
  });

  it("the unfiltered list's total: a seek in the maintained tally (GrievanceTally), not a count", async () => {
    await expectNoWholeTableRead(() => listGrievances(SYSTEM, { limit: 25 }));
  });

  it("the overview's counts: by party and by status, from the maintained tally", async () => {
    await expectNoWholeTableRead(() => getOverview(SYSTEM));
  });

  it("the party + role + status list's total counts no row: it reads the tally", async () => {
    captured = [];
    const page = await listGrievances(SYSTEM, { party: "qp-8", role: "raised", status: "OPEN", limit: 25 });
    // Party 8 raises grievances 8, 38, 68…, the OPEN ones those with i % 4 === 0 (50 of them).
    expect(page.total).toBe(
      Array.from({ length: GRIEVANCES }, (_, i) => i).filter((i) => i % PARTIES === 8 && i % 4 === 0).length,
    );
    expect(captured.filter((q) => /COUNT\(/i.test(q.query)).map((q) => q.query.slice(0, 120))).toEqual([]);
    expect(captured.some((q) => /GrievanceTally/.test(q.query))).toBe(true);
  });
});
