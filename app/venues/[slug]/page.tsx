import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { isAppError } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { can } from "@/lib/server/authz";
import { listMeetings } from "@/lib/server/meetings";
import { getVenueOrThrow } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

const loadVenue = cache(async (slug: string) => {
  const actor = await requirePageActor();
  try {
    return await getVenueOrThrow(actor, slug);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const venue = await loadVenue((await params).slug);
  return { title: venue.name };
}

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

export default async function VenuePage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const venue = await loadVenue(slug);
  const meetings = await listMeetings(actor, { venue: venue.slug, limit: LIMITS.pageSizeMax });

  return (
    <>
      <p className="mb-1 text-xs text-slate-600">
        <Link href="/venues" className={LINK}>
          Venues
        </Link>
        <span aria-hidden="true"> /</span>
      </p>
      <PageHeader title={venue.name} subtitle={`${venue.city}, ${venue.country}`} />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="venue-meetings-heading" className="min-w-0 space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="venue-meetings-heading" className="text-sm font-semibold text-slate-900">
              Meetings held here <span className="font-normal text-slate-600">· {formatNumber(meetings.total)}</span>
            </h2>
            {meetings.total > meetings.items.length ? (
              <Link href={`/meetings?venue=${venue.slug}`} className={`text-xs ${LINK}`}>
                Showing {formatNumber(meetings.items.length)}: open all {formatNumber(meetings.total)}
              </Link>
            ) : null}
          </div>
          {meetings.total === 0 ? (
            <div className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
              <p>No meeting on record was held here.</p>
              {can(actor, "write") ? (
                <ButtonLink href="/meetings/new" size="sm" className="mt-2">
                  Log meeting
                </ButtonLink>
              ) : null}
            </div>
          ) : (
            <MeetingsTable meetings={meetings.items} caption={`Meetings held at ${venue.name}`} hideVenue />
          )}
        </section>
        <aside className="min-w-0" aria-label="Venue details">
          <Card title="Details">
            <DefinitionList
              items={[
                { term: "Name", value: venue.name },
                { term: "City", value: venue.city },
                { term: "Country", value: venue.country },
                { term: "Meetings", value: formatNumber(venue.meetingCount) },
                { term: "Note", value: venue.note },
                { term: "Slug", value: <code className="font-mono text-xs">{venue.slug}</code> },
              ]}
            />
          </Card>
        </aside>
      </div>
    </>
  );
}
