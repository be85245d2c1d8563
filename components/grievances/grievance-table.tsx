import Link from "next/link";
import { linkColumn } from "@/components/ui/columns";
import { DataTable, type Column } from "@/components/ui/data-table";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { DateText } from "@/components/ui/values";
import { activeSort, sortHref, type GrievanceListParams } from "@/lib/grievance-list-url";
import { GRIEVANCE_CATEGORY_LABELS, GRIEVANCE_STATUS_LABELS } from "@/lib/schemas/enums";
import type { GrievanceSortKey, GrievanceSummary } from "@/lib/schemas/grievance";
import { BulkSelectBox, BulkStatusForm } from "./bulk-status-form";
import type { MeetingOption } from "./change-status";
import { PartyFlow } from "./party-flow";

/** The columns every grievance table has, for the list and a party's page alike. */
export const grievanceColumns = {
  /** With `asOf`, each title opens the grievance replayed as of the same day. */
  title: (header: string, className: string, asOf?: string) =>
    linkColumn<GrievanceSummary>(
      header,
      (g) => `/grievances/${g.id}${asOf ? `?asOf=${asOf}` : ""}`,
      (g) => g.title,
      className,
    ),
  category: {
    header: "Category",
    muted: true,
    className: "whitespace-nowrap",
    cell: (g) => GRIEVANCE_CATEGORY_LABELS[g.category],
  } satisfies Column<GrievanceSummary>,
  status: {
    header: "Status",
    cell: (g) => <GrievanceStatusBadge status={g.status} />,
  } satisfies Column<GrievanceSummary>,
};

const SORT_WORDS: Record<GrievanceSortKey, string> = {
  title: "title",
  category: "category",
  status: "status",
  lastMoved: "last moved",
  created: "first raised",
};

/** For analysts on the live list: what the bulk status form needs besides the rows. */
export type BulkStatusOptions = { total: number; meetings: readonly MeetingOption[] };

/** The list's filters as the bulk form posts them (`filter.*`): set values only, lists comma-joined. */
function bulkFilter(filters: GrievanceListParams): Record<string, string> {
  const { party, role, status, category, meeting, q } = filters;
  const values = { party, role, status: status?.join(","), category: category?.join(","), meeting, q };
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])));
}

/**
 * The grievance list; column headers sort via links that keep the filters. With `bulk`, each row
 * has a checkbox and the table sits in the bulk status form (one plain form, no JavaScript needed).
 */
export function GrievanceTable({
  items,
  filters,
  bulk,
}: {
  items: readonly GrievanceSummary[];
  filters: GrievanceListParams;
  bulk?: BulkStatusOptions;
}) {
  const sort = activeSort(filters);
  const sorted = (key: GrievanceSortKey, column: Column<GrievanceSummary>): Column<GrievanceSummary> => ({
    ...column,
    sort: { href: sortHref(filters, key), active: sort.key === key ? sort.dir : null },
  });
  // The checkbox sits in the title's cell, before the link, so the title stays the row's first
  // cell and its name (what the keyboard and the tests find rows by).
  const title = grievanceColumns.title("Title", "min-w-48", filters.asOf);
  const titled: Column<GrievanceSummary> = bulk
    ? {
        ...title,
        cell: (g) => (
          <span className="flex items-start gap-2">
            <BulkSelectBox id={g.id} version={g.version} title={g.title} />
            <span>{title.cell(g)}</span>
          </span>
        ),
      }
    : title;
  const table = (
    <DataTable
      caption={`Grievances, sorted by ${SORT_WORDS[sort.key]}, ${sort.dir === "asc" ? "ascending" : "descending"}`}
      rows={items}
      columns={[
        sorted("title", titled),
        sorted("category", grievanceColumns.category),
        {
          header: "Raised by → To",
          cell: (g) => <PartyFlow raisedBy={g.raisedBy} addressedTo={g.addressedTo} short />,
        },
        sorted("status", grievanceColumns.status),
        sorted("lastMoved", {
          header: "Last moved",
          className: "min-w-36",
          cell: (g) => (
            <>
              <DateText value={g.lastMovedAt} className="whitespace-nowrap" />
              {g.lastMeeting ? (
                <Link
                  href={`/meetings/${g.lastMeeting.id}`}
                  prefetch={false}
                  className="block text-xs text-slate-600 hover:text-accent-900 hover:underline"
                >
                  {g.lastMeeting.title}
                </Link>
              ) : null}
            </>
          ),
        }),
      ]}
    />
  );
  if (!bulk) return table;
  return (
    <BulkStatusForm
      total={bulk.total}
      filter={bulkFilter(filters)}
      meetings={bulk.meetings}
      statusLabels={GRIEVANCE_STATUS_LABELS}
      rows={items.map((g) => ({ id: g.id, version: g.version }))}
    >
      {table}
    </BulkStatusForm>
  );
}
