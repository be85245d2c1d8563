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
import { can } from "@/lib/server/authz";
import { listMeetings } from "@/lib/server/meetings";
import { listParties } from "@/lib/server/parties";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Meetings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MeetingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const parsed = parseFiltersLenient(MeetingFiltersSchema, await searchParams);
  const isAdmin = can(actor, "admin");
  const canWrite = can(actor, "write");
  // Deleted meetings are for admins; anyone else asking for them gets the ordinary list.
  const refusedDeleted = Boolean(parsed.deleted) && !isAdmin;
  const filters = refusedDeleted ? { ...parsed, deleted: undefined } : parsed;
  const showingDeleted = Boolean(filters.deleted);
  const [page, parties, venues] = await Promise.all([
    listMeetings(actor, filters),
    listParties(actor),
    listVenues(actor),
  ]);

  const limit = filters.limit ?? LIMITS.pageSizeDefault;
  const offset = filters.cursor ? Number(filters.cursor) : 0;
  const filtered = Boolean(filters.party || filters.venue || filters.status?.length || filters.from || filters.to);
  const noun = `${showingDeleted ? "deleted " : ""}${page.total === 1 ? "meeting" : "meetings"}`;

  return (
    <>
      {showingDeleted ? (
        <PageHeader
          title={
            <>
              Deleted meetings <span className="text-base font-normal text-slate-600">(admins only)</span>
            </>
          }
          subtitle="Hidden from every other list and count. Open one to restore it; its agenda and history are kept."
          actions={<ButtonLink href="/meetings">All meetings</ButtonLink>}
        />
      ) : (
        <PageHeader
          title="Meetings"
          subtitle="Rounds of talks and other contacts, newest first. A meeting whose date is unknown is listed last."
          actions={
            canWrite || isAdmin ? (
              <>
                {isAdmin ? (
                  <ButtonLink href={meetingsHref({ deleted: "1" })} variant="ghost">
                    Deleted meetings
                  </ButtonLink>
                ) : null}
                {canWrite ? (
                  <ButtonLink href="/meetings/new">
                    <span aria-hidden="true">+</span> Log meeting
                  </ButtonLink>
                ) : null}
              </>
            ) : undefined
          }
        />
      )}
      {refusedDeleted ? (
        <p className="mb-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Only admins can see deleted meetings; this is the ordinary list.
        </p>
      ) : null}
      <MeetingFiltersForm filters={filters} parties={parties} venues={venues} />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {formatNumber(page.total)} {filtered ? `${noun} match these filters` : noun}
        {filtered ? (
          <span className="text-slate-500"> · the filters are in the address: copy it to share this view</span>
        ) : null}
      </p>
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No meetings match these filters"
            description="Widen the filters, or clear them to see every meeting."
            action={<ButtonLink href={meetingsHref({ deleted: filters.deleted })}>Clear filters</ButtonLink>}
          />
        ) : showingDeleted ? (
          <EmptyState
            title="No deleted meetings"
            description="A meeting an admin deletes is listed here until it is restored."
          />
        ) : (
          <EmptyState
            title="No meetings yet"
            description={canWrite ? "Log the first round of talks." : undefined}
            action={
              canWrite ? (
                <ButtonLink href="/meetings/new" variant="primary">
                  Log meeting
                </ButtonLink>
              ) : undefined
            }
          />
        )
      ) : (
        <>
          <MeetingsTable
            meetings={page.items}
            caption={showingDeleted ? "Deleted meetings" : filtered ? "Meetings matching the filters" : "All meetings"}
          />
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
