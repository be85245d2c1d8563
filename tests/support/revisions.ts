import { getDb } from "@/lib/server/db";

/** A record's revisions as stored, oldest first: what each did, its note and its parsed changes. */
export async function storedRevisions(entity: string, entityId: string) {
  const db = await getDb();
  const rows = await db.revision.findMany({
    where: { entity, entityId },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({ action: r.action, note: r.note, changes: JSON.parse(r.changes) as unknown }));
}
