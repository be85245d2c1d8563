import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import type { DeletedView } from "@/components/records/record-list-page";
import type { NotAllowedProps } from "@/components/ui/not-allowed";
import { isAppError } from "@/lib/errors";
import { AsOfQuerySchema, pastAsOf } from "@/lib/schemas/as-of";
import { parseFiltersLenient } from "@/lib/schemas/common";
import { can, PERMISSIONS, type Actor } from "@/lib/server/authz";
import { requirePageActor } from "@/lib/server/session";

// What pages read before they render: the signed-in actor, and the record or the filters the
// address names.

export type ListPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * A list page's request, for a list admins can also see the deleted records of: the actor and
 * what they may do, and the address's filters, parsed leniently (see parseFiltersLenient) with
 * `deleted` dropped for anyone but an admin.
 */
export async function listPageRequest<Shape extends z.ZodRawShape & { deleted: z.ZodType }>(
  schema: z.ZodObject<Shape>,
  { searchParams }: ListPageProps,
) {
  const actor = await requirePageActor();
  const isAdmin = can(actor, "admin");
  const { filters, view } = deletedView(parseFiltersLenient(schema, await searchParams), isAdmin);
  return { actor, isAdmin, canWrite: can(actor, "write"), filters, view };
}

function deletedView<F extends { deleted?: "1" }>(parsed: F, isAdmin: boolean): { filters: F; view: DeletedView } {
  const refused = Boolean(parsed.deleted) && !isAdmin;
  const filters = refused ? { ...parsed, deleted: undefined } : parsed;
  return { filters, view: { showing: Boolean(filters.deleted), refused } };
}

/**
 * A page only analysts and admins use (a "new" form, the import): the signed-in actor, and for
 * anyone else the 403 page's props, to render instead of a form that would only be refused.
 */
export async function writerPageRequest(refusal: Pick<NotAllowedProps, "reason" | "back">) {
  const actor = await requirePageActor();
  const notAllowed: NotAllowedProps | null = can(actor, "write")
    ? null
    : { actor, need: PERMISSIONS.write, ...refusal };
  return { actor, notAllowed };
}

/** The props Next gives the page of one record: `/parties/[slug]` has `params.slug`. */
export type RecordPageProps<K extends string> = { params: Promise<Record<K, string>> };

/**
 * The read behind a record's page, keyed by the route's `param`: once per request (the metadata
 * and the page share it), as the signed-in actor, who comes back with the record so the page
 * does not resolve them again. lib/server's NOT_FOUND becomes the 404 page.
 */
export function recordPage<K extends string, T>(param: K, read: (actor: Actor, key: string) => Promise<T>) {
  const loadKey = cache(async (key: string): Promise<{ actor: Actor; record: T }> => {
    const actor = await requirePageActor();
    try {
      return { actor, record: await read(actor, key) };
    } catch (error) {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    }
  });
  const load = async ({ params }: RecordPageProps<K>) => loadKey((await params)[param]);
  return {
    load,
    /** A `generateMetadata` that titles the page after its record. */
    titled:
      (title: (record: T) => string) =>
      async (props: RecordPageProps<K>): Promise<Metadata> => ({ title: title((await load(props)).record) }),
  };
}

/**
 * The past day a record's page or the overview is replayed at (`?asOf=`), or undefined for
 * today: a malformed day is dropped as any lenient filter is, and today or later is today, so the
 * page never claims a replay it is not showing.
 */
export async function pageAsOf(searchParams: ListPageProps["searchParams"]): Promise<string | undefined> {
  return pastAsOf(parseFiltersLenient(AsOfQuerySchema, await searchParams).asOf);
}

/** A replayed read's NOT_FOUND (not raised by that day) as null; anything else still throws. */
export function nullIfNotFound(error: unknown): null {
  if (isAppError(error) && error.code === "NOT_FOUND") return null;
  throw error;
}
