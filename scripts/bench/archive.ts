import "server-only";
import { buildSearchText } from "@/lib/search";
import type { GrievanceCategory, GrievanceStatus } from "@/lib/schemas/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "@/lib/server/db";
import { GRIEVANCE_REVISIONS } from "@/lib/server/grievances";
import { MEETING_REVISIONS } from "@/lib/server/meetings";
import { PARTY_REVISIONS } from "@/lib/server/parties";
import { AGENDA_ITEM_REVISIONS, changedFields, type RevisionSpec } from "@/lib/server/revisions";
import { VENUE_REVISIONS } from "@/lib/server/venues";

// The load benchmark's channel archive (scripts/bench.ts, docs/performance.md): a deterministic,
// seedable stand-in for a team's years of rounds, big enough that per-request work growing with
// the archive shows. Written with createMany in large transactions, not through createGrievance
// (one transaction per record would take the benchmark's whole budget just to build 20,000).
// Rows are written as the app would write them (folded searchText, lastMovedAt, a "Raised" first
// history row, an agenda note for each move made at a meeting, a create revision for every
// record) so every page reads real shapes and the start-up upgrade finds nothing to backfill.
// It lives with the benchmark, not in lib/server: no page, action or API route reaches it.

export type BenchArchiveOptions = { grievances?: number; parties?: number; meetings?: number; seed?: number };

/** What the benchmark needs to find in the archive it just built. */
export type BenchArchive = {
  grievances: number;
  parties: number;
  meetings: number;
  statusChanges: number;
  agendaItems: number;
  /** party-07, the party the list workloads filter by. */
  listParty: string;
  /** How many grievances party-07 raised that are OPEN (the list workload's matches). */
  listMatches: number;
  /** A grievance with exactly 6 history entries. */
  detailGrievanceId: string;
  /** Held meetings, for outcome batches. */
  heldMeetingIds: string[];
  /** A two-word query and how many grievances it matches. */
  searchQuery: string;
  searchMatches: number;
  buildMs: number;
  /** How long each table took to write, to see where the build time goes. */
  tableMs: Record<string, number>;
};

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: GrievanceStatus[] = [
  "OPEN",
  "IN_NEGOTIATION",
  "PARTIALLY_RESOLVED",
  "RESOLVED",
  "STALLED",
  "WITHDRAWN",
];
const CATEGORIES: GrievanceCategory[] = ["LOCAL_STAFF", "PROPERTY", "VISAS", "FLIGHTS", "BANKING", "STAFFING", "OTHER"];
const SUBJECT: Record<GrievanceCategory, string[]> = {
  LOCAL_STAFF: ["Local staff hiring", "Local staff quotas", "Dismissal of local staff", "Local drivers"],
  PROPERTY: ["Dacha access", "Embassy compound lease", "Consulate building", "Residence repairs"],
  VISAS: ["Consular visas", "Visa delays", "Diplomatic visa renewals", "Visa quotas"],
  FLIGHTS: ["Direct flights", "Overflight permits", "Charter flights", "Airline landing slots"],
  BANKING: ["Embassy bank accounts", "Frozen accounts", "Payment channels", "Salary transfers"],
  STAFFING: ["Staff ceilings", "Expelled diplomats", "Staff rotation", "Accreditation of staff"],
  OTHER: ["Diplomatic pouch", "Security escorts", "Media accreditation", "Cultural centres"],
};
const DETAIL = [
  "in the capital",
  "at the consulate general",
  "for technical staff",
  "for family members",
  "since the last round",
  "under the reciprocity rule",
];
const REASONS = [
  "Raised again at the round",
  "Working group agreed a text",
  "Side promised an answer by the next round",
  "Talks stalled on reciprocity",
  "Partial agreement on numbers",
  "Withdrawn pending the ministers' meeting",
  "Settled in an exchange of notes",
  "Reopened after new restrictions",
];
const CITIES = [
  ["Istanbul", "Türkiye"],
  ["Vienna", "Austria"],
  ["Geneva", "Switzerland"],
  ["Riyadh", "Saudi Arabia"],
  ["Helsinki", "Finland"],
  ["Abu Dhabi", "United Arab Emirates"],
  ["Baku", "Azerbaijan"],
  ["Oslo", "Norway"],
] as const;

const BASE = Date.UTC(2014, 0, 1);
const DAY = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** Rows per createMany call: large, but within SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 2_000;

/**
 * Writes the archive into an empty, migrated database and says where its landmarks are. The
 * list workload's filter (party-07, raised, OPEN) matches 75 at 20,000 grievances: grievance i
 * is raised by party i mod 50, and every 16th-group's first three of a party's are OPEN.
 */
export async function buildBenchArchive(options: BenchArchiveOptions = {}): Promise<BenchArchive> {
  const started = Date.now();
  const grievanceCount = options.grievances ?? 20_000;
  const partyCount = options.parties ?? 50;
  const meetingCount = options.meetings ?? 2_000;
  const random = prng(options.seed ?? 10);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const db = await getDb();
  const now = new Date();
  // The archive spans from BASE to yesterday; meetings are evenly spaced and all held but a few.
  const span = now.getTime() - DAY - BASE;
  const meetingStep = span / meetingCount;

  const parties = Array.from({ length: partyCount }, (_, i) => {
    const n = pad(i + 1, 2);
    return {
      id: `bench-party-${n}`,
      slug: `party-${n}`,
      name: `Party ${n}`,
      shortName: `P${n}`,
      kind: "STATE" as const,
      searchText: buildSearchText([`Party ${n}`, `P${n}`]),
    };
  });
  const venues = CITIES.map(([city, country], i) => ({
    id: `bench-venue-${i + 1}`,
    slug: city.toLowerCase().replace(/\s+/g, "-"),
    name: `Talks venue, ${city}`,
    city,
    country,
  }));
  const meetings = Array.from({ length: meetingCount }, (_, j) => {
    const venue = venues[j % venues.length]!;
    const title = `Round ${j + 1} in ${venue.city}`;
    const summary = `Delegations reviewed ${pick(SUBJECT[pick(CATEGORIES)]).toLowerCase()} and other items.`;
    return {
      id: `bench-meeting-${pad(j + 1, 6)}`,
      title,
      date: new Date(BASE + Math.floor(j * meetingStep)),
      venueId: venue.id,
      status: j % 50 === 49 ? ("CANCELLED" as const) : ("HELD" as const),
      summary,
      searchText: buildSearchText([title, summary]),
      createdAt: new Date(BASE + Math.floor(j * meetingStep) - 30 * DAY),
    };
  });
  const participants = meetings.flatMap((m, j) => {
    const a = j % partyCount;
    const b = (a + 1 + Math.floor(random() * (partyCount - 1))) % partyCount;
    return [
      { meetingId: m.id, partyId: parties[a]!.id, role: "DELEGATION" as const },
      { meetingId: m.id, partyId: parties[b]!.id, role: "DELEGATION" as const },
    ];
  });
  const meetingHistory = meetings.flatMap((m) => [
    {
      id: `${m.id}-h0`,
      meetingId: m.id,
      fromStatus: null,
      toStatus: "PLANNED" as const,
      reason: "Planned",
      occurredAt: m.createdAt,
      recordedAt: m.createdAt,
    },
    {
      id: `${m.id}-h1`,
      meetingId: m.id,
      fromStatus: "PLANNED" as const,
      toStatus: m.status,
      reason: m.status === "HELD" ? "Held" : "Cancelled",
      occurredAt: m.date,
      recordedAt: m.date,
    },
  ]);
  const held = meetings.map((m, j) => ({ m, j })).filter(({ m }) => m.status === "HELD");

  const grievances: Prisma.GrievanceCreateManyInput[] = [];
  const grievanceParties: Prisma.GrievancePartyCreateManyInput[] = [];
  const history: Prisma.GrievanceStatusChangeCreateManyInput[] = [];
  const agenda: Prisma.AgendaItemCreateManyInput[] = [];
  let listMatches = 0;
  let detailGrievanceId = "";
  for (let i = 0; i < grievanceCount; i++) {
    const id = `bench-g-${pad(i + 1, 7)}`;
    const raisedBy = i % partyCount;
    const addressedTo = (raisedBy + 1 + Math.floor(random() * (partyCount - 1))) % partyCount;
    const nth = Math.floor(i / partyCount);
    // 3 in 16 of each party's grievances are OPEN; the rest spread over the other statuses.
    const finalStatus: GrievanceStatus = nth % 16 < 3 ? "OPEN" : STATUSES[1 + (nth % 5)]!;
    if (raisedBy === 6 && finalStatus === "OPEN") listMatches++;
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const title = `${pick(SUBJECT[category])} ${pick(DETAIL)} (${pad(i + 1, 6)})`;
    const description = `Party ${pad(raisedBy + 1, 2)} asks Party ${pad(addressedTo + 1, 2)} about ${title.toLowerCase()}.`;

    // The raising at some held meeting, then 0–8 moves (4 on average) at later rounds.
    let moves = Math.floor(random() * 9);
    if (moves === 0 && finalStatus !== "OPEN") moves = 1;
    const startIndex = Math.floor(random() * Math.max(1, held.length - 10));
    const raisedAt = new Date(held[startIndex]!.m.date.getTime() - DAY);
    const entries: Prisma.GrievanceStatusChangeCreateManyInput[] = [
      {
        id: `${id}-h00`,
        grievanceId: id,
        fromStatus: null,
        toStatus: "OPEN",
        reason: "Raised",
        meetingId: null,
        occurredAt: raisedAt,
        recordedAt: raisedAt,
      },
    ];
    let status: GrievanceStatus = "OPEN";
    let at = startIndex;
    for (let k = 1; k <= moves; k++) {
      // Each move at a later round; the last lands where the final status says.
      at = Math.min(held.length - 1, at + 1 + Math.floor(random() * 3));
      let to: GrievanceStatus;
      if (k === moves) to = finalStatus;
      else {
        do to = pick(STATUSES);
        while (to === status || (k === moves - 1 && to === finalStatus));
      }
      if (to === status) continue;
      const meeting = held[at]!.m;
      const atMeeting = random() < 0.6;
      const occurredAt = atMeeting ? meeting.date : new Date(meeting.date.getTime() + DAY / 2);
      const reason = pick(REASONS);
      entries.push({
        id: `${id}-h${pad(k, 2)}`,
        grievanceId: id,
        fromStatus: status,
        toStatus: to,
        reason,
        meetingId: atMeeting ? meeting.id : null,
        occurredAt,
        recordedAt: occurredAt,
      });
      if (atMeeting) {
        agenda.push({
          id: `${id}-a${pad(k, 2)}`,
          meetingId: meeting.id,
          grievanceId: id,
          note: reason,
          statusAfter: to,
          createdAt: occurredAt,
          occurredAt,
          recordedAt: occurredAt,
        });
      }
      status = to;
    }
    if (!detailGrievanceId && entries.length === 6) detailGrievanceId = id;
    history.push(...entries);
    const last = entries.at(-1)!.occurredAt as Date;
    grievances.push({
      id,
      title,
      description,
      category,
      status,
      searchText: buildSearchText([title, description, ...entries.map((e) => e.reason as string)]),
      lastMovedAt: last,
      createdAt: raisedAt,
      updatedAt: last,
    });
    grievanceParties.push(
      { grievanceId: id, partyId: parties[raisedBy]!.id, role: "RAISED_BY" },
      { grievanceId: id, partyId: parties[addressedTo]!.id, role: "ADDRESSED_TO" },
    );
  }

  // The create revision of each record, as recordRevision writes it for a seeded one.
  const revisions: Prisma.RevisionCreateManyInput[] = [];
  const revise = (spec: RevisionSpec, entityId: string, after: Record<string, unknown>, recordedAt: Date) =>
    revisions.push({
      id: `${entityId}-r0`,
      entity: spec.entity,
      entityId,
      action: "CREATE",
      changes: JSON.stringify(changedFields(null, after, spec.fields)),
      seed: true,
      recordedAt,
    });
  for (const p of parties) revise(PARTY_REVISIONS, p.id, p, new Date(BASE - DAY));
  for (const v of venues) revise(VENUE_REVISIONS, v.id, { ...v, note: null }, new Date(BASE - DAY));
  const slugById = new Map([...parties, ...venues].map((r) => [r.id, r.slug]));
  meetings.forEach((m, j) => {
    // Meeting j's participants are rows 2j and 2j+1; grievance i's parties likewise.
    const taking = participants.slice(2 * j, 2 * j + 2).map((p) => slugById.get(p.partyId));
    revise(MEETING_REVISIONS, m.id, { ...m, venue: slugById.get(m.venueId), participants: taking }, m.createdAt);
  });
  grievances.forEach((g, i) => {
    const [raised, addressed] = grievanceParties.slice(2 * i, 2 * i + 2).map((p) => slugById.get(p.partyId as string));
    revise(
      GRIEVANCE_REVISIONS,
      g.id as string,
      { ...g, raisedBy: [raised], addressedTo: [addressed] },
      g.createdAt as Date,
    );
  });
  for (const a of agenda) revise(AGENDA_ITEM_REVISIONS, a.id as string, a, a.createdAt as Date);

  // Each table in chunks inside one long transaction per table: the commit (and, on SQLite, the
  // fsync of synchronous=FULL) is paid once per table, not once per row.
  const tableMs: Record<string, number> = {};
  const write = async <T>(name: string, rows: T[], insert: (tx: Tx, chunk: T[]) => Promise<unknown>) => {
    const tableStarted = Date.now();
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < rows.length; i += CHUNK) await insert(tx, rows.slice(i, i + CHUNK));
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    tableMs[name] = Date.now() - tableStarted;
  };
  await write("party", parties, (tx, c) => tx.party.createMany({ data: c }));
  await write("venue", venues, (tx, c) => tx.venue.createMany({ data: c }));
  await write("meeting", meetings, (tx, c) => tx.meeting.createMany({ data: c }));
  await write("participant", participants, (tx, c) => tx.meetingParticipant.createMany({ data: c }));
  await write("meetingHistory", meetingHistory, (tx, c) => tx.meetingStatusChange.createMany({ data: c }));
  await write("grievance", grievances, (tx, c) => tx.grievance.createMany({ data: c }));
  await write("grievanceParty", grievanceParties, (tx, c) => tx.grievanceParty.createMany({ data: c }));
  await write("history", history, (tx, c) => tx.grievanceStatusChange.createMany({ data: c }));
  await write("agenda", agenda, (tx, c) => tx.agendaItem.createMany({ data: c }));
  await write("revision", revisions, (tx, c) => tx.revision.createMany({ data: c }));

  const searchQuery = "consular visas";
  const searchMatches = await db.grievance.count({
    where: { AND: searchQuery.split(" ").map((term) => ({ searchText: { contains: term } })) },
  });
  return {
    grievances: grievanceCount,
    parties: partyCount,
    meetings: meetingCount,
    statusChanges: history.length,
    agendaItems: agenda.length,
    listParty: "party-07",
    listMatches,
    detailGrievanceId,
    heldMeetingIds: held.map(({ m }) => m.id),
    searchQuery,
    searchMatches,
    buildMs: Date.now() - started,
    tableMs,
  };
}
