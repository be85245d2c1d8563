import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import { GrievanceFilterForm } from "@/components/grievances/grievance-filter-form";
import { GrievanceTable } from "@/components/grievances/grievance-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { parseFiltersLenient } from "@/lib/schemas/common";
import { GrievanceFiltersSchema } from "@/lib/schemas/grievance";
import { can } from "@/lib/server/authz";
import { listGrievances } from "@/lib/server/grievances";
import { listMeetingOptions } from "@/lib/server/meetings";
import { listParties } from "@/lib/server/parties";
import { GRIEVANCES_PATH, grievanceListHref, hasFilters } from "./list-url";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Grievances" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GrievancesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const parsed = parseFiltersLenient(GrievanceFiltersSchema, await searchParams);
  const isAdmin = can(actor, "admin");
  const canWrite = can(actor, "write");
  // Deleted grievances are for admins; anyone else asking for them gets the ordinary list.
  const refusedDeleted = Boolean(parsed.deleted) && !isAdmin;
  const filters = refusedDeleted ? { ...parsed, deleted: undefined } : parsed;
  const showingDeleted = Boolean(filters.deleted);
  const [page, parties, meetings] = await Promise.all([
    listGrievances(actor, filters),
    listParties(actor),
    listMeetingOptions(actor),
  ]);
  const { items, total, offset, limit, nextCursor } = page;
  const filtered = hasFilters(filters);

  const prevCursor = offset > 0 ? Math.max(0, offset - limit) : null;
  const prevHref =
    prevCursor === null
      ? null
      : grievanceListHref({ ...filters, cursor: prevCursor > 0 ? String(prevCursor) : undefined });
  const nextHref = nextCursor ? grievanceListHref({ ...filters, cursor: nextCursor }) : null;

  return (
    <>
      {showingDeleted ? (
        <PageHeader
          title={
            <>
              Deleted grievances <span className="text-base font-normal text-slate-600">(admins only)</span>
            </>
          }
          subtitle="Hidden from every other list and count. Open one to restore it; its history is kept."
          actions={<ButtonLink href={GRIEVANCES_PATH}>All grievances</ButtonLink>}
        />
      ) : (
        <PageHeader
          title="Grievances"
          subtitle="Every grievance raised along the channel, with where it stands and when it last moved."
          actions={
            canWrite || isAdmin ? (
              <>
                {isAdmin ? (
                  <ButtonLink href={grievanceListHref({ deleted: "1" })} variant="ghost">
                    Deleted grievances
                  </ButtonLink>
                ) : null}
                {canWrite ? (
                  <ButtonLink href="/grievances/new" variant="primary">
                    <span aria-hidden="true">+</span> New grievance
                  </ButtonLink>
                ) : null}
              </>
            ) : undefined
          }
        />
      )}

      {refusedDeleted ? (
        <p className="mb-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700">
          Only admins can see deleted grievances; this is the ordinary list.
        </p>
      ) : null}

      <GrievanceFilterForm key={grievanceListHref(filters)} filters={filters} parties={parties} meetings={meetings} />

      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        <strong className="font-semibold text-slate-900">
          {formatNumber(total)} {showingDeleted ? "deleted " : ""}
          {total === 1 ? "grievance" : "grievances"}
        </strong>
        {filtered ? " match" : ""} · filters are in the URL: copy the address to share this view
      </p>

      {items.length > 0 ? (
        <>
          <GrievanceTable items={items} filters={filters} />
          <Pagination
            label="Grievance pages"
            from={offset + 1}
            to={offset + items.length}
            total={total}
            prevHref={prevHref}
            nextHref={nextHref}
          />
        </>
      ) : filtered || offset > 0 ? (
        <EmptyState
          title="No grievances match these filters"
          description="Try removing a filter or searching for a different word."
          action={<ButtonLink href={grievanceListHref({ deleted: filters.deleted })}>Clear filters</ButtonLink>}
        />
      ) : showingDeleted ? (
        <EmptyState
          title="No deleted grievances"
          description="A grievance an admin deletes is listed here until it is restored."
        />
      ) : (
        <EmptyState
          title="No grievances yet"
          description={canWrite ? "Record the first grievance raised at a meeting." : undefined}
          action={
            canWrite ? (
              <ButtonLink href="/grievances/new" variant="primary">
                New grievance
              </ButtonLink>
            ) : undefined
          }
        />
      )}
    </>
  );
}
