import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import type { GrievanceStatus } from "@/lib/schemas/enums";

/** A history entry's move: "Raised · Open" for the first entry, else "Open → In negotiation". */
export function StatusChange({ from, to }: { from: GrievanceStatus | null; to: GrievanceStatus }) {
  if (from === null) {
    return (
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <span className="font-medium text-slate-800">Raised</span>
        <span aria-hidden="true" className="text-slate-400">
          ·
        </span>
        <GrievanceStatusBadge status={to} />
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <GrievanceStatusBadge status={from} />
      <span aria-hidden="true" className="text-slate-500">
        →
      </span>
      <span className="sr-only">to</span>
      <GrievanceStatusBadge status={to} />
    </span>
  );
}
