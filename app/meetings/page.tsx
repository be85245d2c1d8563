import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { MeetingFiltersForm } from "@/components/meetings/meeting-filters";
import { meetingsHref } from "@/components/meetings/meetings-href";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { LIMITS, parseFiltersLenient } from "@/lib/schemas/common";
import { MeetingFiltersSchema } from "@/lib/schemas/meeting";
import { listMeetings } from "@/lib/server/meetings";
import { listParties } from "@/lib/server/parties";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Meetings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MeetingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const filters = parseFiltersLenient(MeetingFiltersSchema, await searchParams);
  const [page, parties, venues] = await Promise.all([listMeetings(actor, filters), listParties(actor), listVenues(actor)]);

  const limit = filters.limit ?? LIMITS.pageSizeDefault;
  const offset = filters.cursor ? Number(filters.cursor) : 0;
  const filtered = Boolean(filters.party || filters.venue || filters.status?.length || filters.from || filters.to);
  const noun = page.total === 1 ? "meeting" : "meetings";

  return (
    <>
      <PageHeader
        title="Meetings"
        subtitle="Rounds of talks and other contacts, newest first. A meeting whose date is unknown is listed last."
        actions={
          <ButtonLink href="/meetings/new">
            <span aria-hidden="true">+</span> Log meeting
          </ButtonLink>
        }
      />
      <MeetingFiltersForm filters={filters} parties={parties} venues={venues} />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {formatNumber(page.total)} {filtered ? `${noun} match these filters` : noun}
        {filtered ? <span className="text-slate-500"> · the filters are in the address: copy it to share this view</span> : null}
      </p>
      {page.items.length === 0 ? (
        <EmptyState
          title={filtered ? "No meetings match these filters" : "No meetings yet"}
          description={filtered ? "Widen the filters, or clear them to see every meeting." : "Log the first round of talks."}
          action={
            filtered ? (
              <ButtonLink href="/meetings">Clear filters</ButtonLink>
            ) : (
              <ButtonLink href="/meetings/new" variant="primary">
                Log meeting
              </ButtonLink>
            )
          }
        />
      ) : (
        <>
          <MeetingsTable meetings={page.items} caption={filtered ? "Meetings matching the filters" : "All meetings"} />
          <Pagination
            label="Meetings pages"
            from={offset + 1}
            to={offset + page.items.length}
            total={page.total}
            prevHref={offset > 0 ? meetingsHref(filters, { cursor: String(Math.max(0, offset - limit)) }) : null}
            nextHref={page.nextCursor ? meetingsHref(filters, { cursor: page.nextCursor }) : null}
          />
        </>
      )}
    </>
  );
}
