import type { Metadata } from "next";
import { listPageRequest, type ListPageProps } from "@/app/page-data";
import { MeetingFiltersForm } from "@/components/meetings/meeting-filters";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { RecordListPage } from "@/components/records/record-list-page";
import { formatNumber } from "@/components/ui/format";
import { hasMeetingFilters, meetingsHref, MEETINGS_PATH } from "@/lib/meeting-list-url";
import { MeetingFiltersSchema } from "@/lib/schemas/meeting";
import { listMeetings } from "@/lib/server/meetings";
import { listPartyOptions } from "@/lib/server/parties";
import { listVenues } from "@/lib/server/venues";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Meetings" };

export default async function MeetingsPage(props: ListPageProps) {
  const { actor, isAdmin, canWrite, filters, view } = await listPageRequest(MeetingFiltersSchema, props);
  const [page, parties, venues] = await Promise.all([
    listMeetings(actor, filters),
    listPartyOptions(actor),
    listVenues(actor),
  ]);
  const filtered = hasMeetingFilters(filters);
  const noun = `${view.showing ? "deleted " : ""}${page.total === 1 ? "meeting" : "meetings"}`;

  return (
    <RecordListPage
      noun={{ one: "meeting", many: "meetings" }}
      title="Meetings"
      subtitle="Rounds of talks and other contacts, newest first. A meeting whose date is unknown is listed last."
      deletedSubtitle="Hidden from every other list and count. Open one to restore it; its agenda and history are kept."
      href={MEETINGS_PATH}
      deletedHref={meetingsHref({ deleted: "1" })}
      view={view}
      isAdmin={isAdmin}
      create={canWrite ? { href: "/meetings/new", label: "Log meeting" } : null}
      filtered={filtered}
      clearHref={meetingsHref({ deleted: filters.deleted })}
      filteredHint="Widen the filters, or clear them to see every meeting."
      firstHint="Log the first round of talks."
      filters={<MeetingFiltersForm filters={filters} parties={parties} venues={venues} />}
      summary={
        <>
          {formatNumber(page.total)} {filtered ? `${noun} match these filters` : noun}
          {filtered ? (
            <span className="text-slate-500"> · the filters are in the address: copy it to share this view</span>
          ) : null}
        </>
      }
      paging={{ label: "Meetings pages", page, href: (cursor) => meetingsHref(filters, { cursor }) }}
    >
      <MeetingsTable
        meetings={page.items}
        caption={view.showing ? "Deleted meetings" : filtered ? "Meetings matching the filters" : "All meetings"}
      />
    </RecordListPage>
  );
}
