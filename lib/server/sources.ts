import "server-only";
import type { SourceRef } from "@/lib/schemas/source";
import type { Tx } from "./db";

export const sourceSelect = {
  title: true,
  publisher: true,
  url: true,
  publishedAt: true,
  note: true,
} as const;

export function toSourceRef(source: {
  title: string;
  publisher: string | null;
  url: string | null;
  publishedAt: Date | null;
  note: string | null;
}): SourceRef {
  return { ...source, publishedAt: source.publishedAt?.toISOString() ?? null };
}

/**
 * Finds the source a client names, or records it. A URL names a source by its URL; anything else
 * is taken as a title (the seed's sources, and reports known only by outlet, have no URL).
 */
export async function findOrCreateSource(
  tx: Tx,
  reference: string,
  details: { publisher?: string | null; note?: string | null } = {},
): Promise<string> {
  const isUrl = /^https?:\/\//i.test(reference);
  const existing = await tx.source.findFirst({
    where: isUrl ? { url: reference } : { title: reference, url: null },
    select: { id: true },
  });
  if (existing) return existing.id;
  const created = await tx.source.create({
    data: isUrl
      ? { title: reference, url: reference, publisher: details.publisher ?? null, note: details.note ?? null }
      : { title: reference, publisher: details.publisher ?? null, note: details.note ?? null },
    select: { id: true },
  });
  return created.id;
}
