import { BarList } from "@/components/ui/bar-list";
import { grievanceStatusColor } from "@/components/ui/status-badge";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { GRIEVANCE_STATUS_LABELS } from "@/lib/schemas/enums";
import type { Overview } from "@/lib/schemas/overview";

/** Every grievance by status, in the order of the workflow; each bar links to that status's list. */
export function StatusBars({ rows }: { rows: Overview["byStatus"] }) {
  return (
    <BarList
      label="Grievances by status"
      unit="grievances"
      items={rows.map(({ status, count }) => ({
        key: status,
        label: GRIEVANCE_STATUS_LABELS[status],
        value: count,
        href: grievanceListHref({ status: [status] }),
        color: grievanceStatusColor(status),
      }))}
    />
  );
}
