import type { Metadata } from "next";
import { listPageRequest, type ListPageProps } from "@/app/page-data";
import { GrievanceFilterForm } from "@/components/grievances/grievance-filter-form";
import { GrievanceTable } from "@/components/grievances/grievance-table";
import { AsOfBanner, nothingRaisedState } from "@/components/records/as-of-banner";
import { RecordListPage } from "@/components/records/record-list-page";
import { SaveViewForm } from "@/components/views/view-controls";
import { ButtonLink } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import { GRIEVANCES_PATH, grievanceListHref, hasFilters } from "@/lib/grievance-list-url";
import { pastAsOf } from "@/lib/schemas/as-of";
import { GrievanceFiltersSchema } from "@/lib/schemas/grievance";
import { listGrievances } from "@/lib/server/grievances";
import { listMeetingOptions } from "@/lib/server/meetings";
import { listPartyOptions } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Grievances" };

/** The list's filters as "Save this view" posts them: without the page it is on. */
function savedViewQuery(filters: Parameters<typeof grievanceListHref>[0]): string {
  return grievanceListHref({ ...filters, cursor: undefined, limit: undefined }).split("?")[1] ?? "";
}

export default async function GrievancesPage(props: ListPageProps) {
  const request = await listPageRequest(GrievanceFiltersSchema, props);
  const { actor, isAdmin, canWrite, view } = request;
  // A malformed day was dropped by the lenient parse, and today or later is today: either way
  // the live list, with no banner claiming otherwise.
  const asOf = pastAsOf(request.filters.asOf);
  const filters = { ...request.filters, asOf };
  const todayHref = grievanceListHref({ ...filters, asOf: undefined, cursor: undefined });
  const [page, parties, meetings] = await Promise.all([
    listGrievances(actor, filters),
    listPartyOptions(actor),
    listMeetingOptions(actor, [filters.meeting]),
  ]);
  const filtered = hasFilters(filters);

  return (
    <RecordListPage
      noun={{ one: "grievance", many: "grievances" }}
      title="Grievances"
      subtitle="Every grievance raised along the channel, with where it stands and when it last moved."
      deletedSubtitle="Hidden from every other list and count. Open one to restore it; its history is kept."
      href={GRIEVANCES_PATH}
      deletedHref={grievanceListHref({ deleted: "1" })}
      view={view}
      isAdmin={isAdmin}
      create={canWrite ? { href: "/grievances/new", label: "New grievance", primary: true } : null}
      more={
        <>
          {canWrite ? (
            <ButtonLink href="/grievances/import" variant="ghost">
              Import CSV
            </ButtonLink>
          ) : null}
          {view.showing ? null : <SaveViewForm query={savedViewQuery(filters)} />}
        </>
      }
      filtered={filtered}
      clearHref={grievanceListHref({ deleted: filters.deleted, asOf })}
      filteredHint="Try removing a filter or searching for a different word."
      firstHint="Record the first grievance raised at a meeting."
      banner={asOf ? <AsOfBanner asOf={asOf} todayHref={todayHref} /> : null}
      none={asOf ? nothingRaisedState(asOf, todayHref) : undefined}
      filters={
        <GrievanceFilterForm key={grievanceListHref(filters)} filters={filters} parties={parties} meetings={meetings} />
      }
      summary={
        <>
          <strong className="font-semibold text-slate-900">
            {formatNumber(page.total)} {view.showing ? "deleted " : ""}
            {page.total === 1 ? "grievance" : "grievances"}
          </strong>
          {filtered ? " match" : ""} · filters are in the URL: copy the address to share this view
        </>
      }
      paging={{
        label: "Grievance pages",
        page,
        href: (cursor) => grievanceListHref({ ...filters, cursor }),
      }}
    >
      <GrievanceTable
        items={page.items}
        filters={filters}
        bulk={canWrite && !asOf && !view.showing ? { total: page.total, meetings } : undefined}
      />
    </RecordListPage>
  );
}
