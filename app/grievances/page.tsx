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
import { listGrievances } from "@/lib/server/grievances";
import { listMeetingOptions } from "@/lib/server/meetings";
import { listParties } from "@/lib/server/parties";
import { GRIEVANCES_PATH, grievanceListHref, hasFilters } from "./list-url";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Grievances" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function GrievancesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const filters = parseFiltersLenient(GrievanceFiltersSchema, await searchParams);
  const [page, parties, meetings] = await Promise.all([listGrievances(actor, filters), listParties(actor), listMeetingOptions(actor)]);
  const { items, total, offset, limit, nextCursor } = page;
  const filtered = hasFilters(filters);

  const prevCursor = offset > 0 ? Math.max(0, offset - limit) : null;
  const prevHref =
    prevCursor === null ? null : grievanceListHref({ ...filters, cursor: prevCursor > 0 ? String(prevCursor) : undefined });
  const nextHref = nextCursor ? grievanceListHref({ ...filters, cursor: nextCursor }) : null;

  return (
    <>
      <PageHeader
        title="Grievances"
        subtitle="Every grievance raised along the channel, with where it stands and when it last moved."
        actions={
          <ButtonLink href="/grievances/new" variant="primary">
            <span aria-hidden="true">+</span> New grievance
          </ButtonLink>
        }
      />

      <GrievanceFilterForm key={grievanceListHref(filters)} filters={filters} parties={parties} meetings={meetings} />

      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        <strong className="font-semibold text-slate-900">
          {formatNumber(total)} {total === 1 ? "grievance" : "grievances"}
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
          action={<ButtonLink href={GRIEVANCES_PATH}>Clear filters</ButtonLink>}
        />
      ) : (
        <EmptyState
          title="No grievances yet"
          description="Record the first grievance raised at a meeting."
          action={
            <ButtonLink href="/grievances/new" variant="primary">
              New grievance
            </ButtonLink>
          }
        />
      )}
    </>
  );
}
