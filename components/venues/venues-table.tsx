import { countColumn, linkColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { Dash } from "@/components/ui/values";
import { meetingsHref } from "@/lib/meeting-list-url";
import type { VenueSummary } from "@/lib/schemas/venue";

/** Venues with the number of meetings held at each (a link to those meetings). */
export function VenuesTable({ venues }: { venues: readonly VenueSummary[] }) {
  return (
    <DataTable
      caption="Venues"
      rows={venues}
      columns={[
        linkColumn<VenueSummary>(
          "Venue",
          (v) => `/venues/${v.slug}`,
          (v) => v.name,
          "min-w-48",
        ),
        { header: "City", className: "whitespace-nowrap", cell: (v) => v.city },
        { header: "Country", className: "whitespace-nowrap", cell: (v) => v.country },
        countColumn<VenueSummary>(
          "Meetings",
          (v) => v.meetingCount,
          (v) => meetingsHref({ venue: v.slug }),
          (v) => `meetings at ${v.name}`,
        ),
        { header: "Note", muted: true, className: "max-w-xl min-w-64", cell: (v) => v.note ?? <Dash /> },
      ]}
    />
  );
}
