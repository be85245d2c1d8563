import { grievanceColumns } from "@/components/grievances/grievance-table";
import { PartyList } from "@/components/grievances/party-flow";
import { dateColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import type { GrievanceSummary } from "@/lib/schemas/grievance";

/**
 * A party's grievances from one side: those it raised (the other column shows to whom) or those
 * addressed to it (the other column shows by whom).
 */
export function PartyGrievancesTable({
  grievances,
  side,
  caption,
}: {
  grievances: readonly GrievanceSummary[];
  side: "raised" | "addressed";
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      rows={grievances}
      columns={[
        grievanceColumns.title("Grievance", "min-w-56"),
        grievanceColumns.category,
        {
          header: side === "raised" ? "Addressed to" : "Raised by",
          cell: (g) => <PartyList parties={side === "raised" ? g.addressedTo : g.raisedBy} link />,
        },
        grievanceColumns.status,
        dateColumn<GrievanceSummary>("Last moved", (g) => g.lastMovedAt),
      ]}
    />
  );
}
