import Link from "next/link";
import { activeSort, sortHref, type GrievanceListParams } from "@/app/grievances/list-url";
import { SortableTh, Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDate, toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { GRIEVANCE_CATEGORY_LABELS } from "@/lib/schemas/enums";
import type { GrievanceSortKey } from "@/lib/schemas/grievance";
import type { GrievanceSummary } from "@/lib/schemas/grievance";
import { PartyFlow } from "./party-flow";

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
  const th = (key: GrievanceSortKey, label: string) => (
    <SortableTh label={label} href={sortHref(filters, key)} active={sort.key === key ? sort.dir : null} />
  );
  return (
    <Table
      caption={`Grievances, sorted by ${SORT_WORDS[sort.key]}, ${sort.dir === "asc" ? "ascending" : "descending"}`}
      captionHidden
    >
      <THead>
        <tr>
          {th("title", "Title")}
          {th("category", "Category")}
          <Th>Raised by → To</Th>
          {th("status", "Status")}
          {th("lastMoved", "Last moved")}
        </tr>
      </THead>
      <TBody>
        {items.map((g) => (
          <Tr key={g.id}>
            <Td className="min-w-48">
              <Link
                href={`/grievances/${g.id}`}
                className="font-medium text-accent-700 hover:text-accent-900 hover:underline"
              >
                {g.title}
              </Link>
            </Td>
            <Td muted className="whitespace-nowrap">
              {GRIEVANCE_CATEGORY_LABELS[g.category]}
            </Td>
            <Td>
              <PartyFlow raisedBy={g.raisedBy} addressedTo={g.addressedTo} short />
            </Td>
            <Td>
              <GrievanceStatusBadge status={g.status} />
            </Td>
            <Td className="min-w-36">
              <time dateTime={toIsoDate(g.lastMovedAt)} className="whitespace-nowrap">
                {formatDate(g.lastMovedAt)}
              </time>
              {g.lastMeeting ? (
                <Link
                  href={`/meetings/${g.lastMeeting.id}`}
                  className="block text-xs text-slate-600 hover:text-accent-900 hover:underline"
                >
                  {g.lastMeeting.title}
                </Link>
              ) : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
