import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { PartyCreateSchema, type PartyDetail, type PartySummary } from "@/lib/schemas/party";
import { foldForSearch } from "@/lib/search";
import { authorize, type Actor } from "./authz";
import { getDb, type Tx } from "./db";
import { createSlugged } from "./slugged";

export const partyRefSelect = { slug: true, name: true, shortName: true } as const;

export async function listParties(actor: Actor | null): Promise<PartySummary[]> {
  authorize(actor, "read");
  const db = await getDb();
  const [parties, roleCounts] = await Promise.all([
    db.party.findMany({
      orderBy: { name: "asc" },
      select: {
        id: true,
        ...partyRefSelect,
        kind: true,
        _count: { select: { participants: { where: { meeting: { deletedAt: null } } } } },
      },
    }),
    db.grievanceParty.groupBy({
      by: ["partyId", "role"],
      where: { grievance: { deletedAt: null } },
      _count: { _all: true },
    }),
  ]);
  return parties.map(({ _count, ...party }) => ({
    ...party,
    raisedCount: roleCounts.find((c) => c.partyId === party.id && c.role === "RAISED_BY")?._count._all ?? 0,
    addressedCount: roleCounts.find((c) => c.partyId === party.id && c.role === "ADDRESSED_TO")?._count._all ?? 0,
    meetingCount: _count.participants,
  }));
}

export async function getPartyOrThrow(actor: Actor | null, slug: string): Promise<PartyDetail> {
  authorize(actor, "read");
  const db = await getDb();
  const party = await db.party.findUnique({
    where: { slug },
    select: { id: true, ...partyRefSelect, kind: true, createdAt: true },
  });
  if (!party) throw notFound("Party");
  return { ...party, createdAt: party.createdAt.toISOString() };
}

/** Resolves party slugs to ids inside a transaction; an unknown slug is the client's mistake. */
export async function partyIdsBySlug(tx: Tx, slugs: readonly string[], field: string): Promise<Map<string, string>> {
  const rows = await tx.party.findMany({ where: { slug: { in: [...slugs] } }, select: { id: true, slug: true } });
  const ids = new Map(rows.map((row) => [row.slug, row.id]));
  const issues = slugs
    .map((slug, index) => ({ slug, index }))
    .filter(({ slug }) => !ids.has(slug))
    .map(({ slug, index }) => ({ path: `${field}.${index}`, message: `Unknown party "${slug}"` }));
  if (issues.length) {
    throw new AppError("VALIDATION_FAILED", issues[0]!.message, { issues });
  }
  return ids;
}

export function createParty(actor: Actor | null, input: unknown): Promise<PartySummary> {
  return createSlugged(actor, input, {
    noun: "party",
    schema: PartyCreateSchema,
    slugFrom: (data) => data.name,
    noLetters: "Give a slug; the name has no letters to make one from",
    insert: async (tx, data, slug) => {
      const party = await tx.party.create({
        data: {
          slug,
          name: data.name,
          shortName: data.shortName ?? null,
          kind: data.kind ?? "STATE",
          searchText: foldForSearch([data.name, data.shortName].filter(Boolean).join(" ")),
        },
        select: { id: true, ...partyRefSelect, kind: true },
      });
      return { ...party, raisedCount: 0, addressedCount: 0, meetingCount: 0 };
    },
  });
}
