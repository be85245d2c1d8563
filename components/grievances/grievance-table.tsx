import Link from "next/link";
import { linkColumn } from "@/components/ui/columns";
import { DataTable, type Column } from "@/components/ui/data-table";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { DateText } from "@/components/ui/values";
import { activeSort, sortHref, type GrievanceListParams } from "@/lib/grievance-list-url";
import { GRIEVANCE_CATEGORY_LABELS } from "@/lib/schemas/enums";
import type { GrievanceSortKey, GrievanceSummary } from "@/lib/schemas/grievance";
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

/** The grievance list; column headers sort via links that keep the filters. */
export function GrievanceTable({
  items,
  filters,
}: {
  items: readonly GrievanceSummary[];
  filters: GrievanceListParams;
}) {
  const sort = activeSort(filters);
  const sorted = (key: GrievanceSortKey, column: Column<GrievanceSummary>): Column<GrievanceSummary> => ({
    ...column,
    sort: { href: sortHref(filters, key), active: sort.key === key ? sort.dir : null },
  });
  return (
    <DataTable
      caption={`Grievances, sorted by ${SORT_WORDS[sort.key]}, ${sort.dir === "asc" ? "ascending" : "descending"}`}
      rows={items}
      columns={[
        sorted("title", grievanceColumns.title("Title", "min-w-48", filters.asOf)),
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
}
