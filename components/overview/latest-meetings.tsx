import { meetingColumns } from "@/components/meetings/meetings-table";
import { dateColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { EmptyText } from "@/components/ui/empty-state";
import type { MeetingSummary } from "@/lib/schemas/meeting";

/** The newest meetings: date, title (link), venue, status and how many grievances they discussed. */
export function LatestMeetings({ meetings }: { meetings: readonly MeetingSummary[] }) {
  return (
    <DataTable
      caption="Latest meetings"
      rows={meetings}
      empty={<EmptyText>No meetings recorded yet.</EmptyText>}
      columns={[
        dateColumn<MeetingSummary>("Date", (m) => m.date),
        meetingColumns.title,
        { header: "Venue", muted: true, cell: (m) => (m.venue ? `${m.venue.name}, ${m.venue.city}` : "—") },
        meetingColumns.status,
        { header: "Grievances", numeric: true, cell: (m) => m.agendaCount },
      ]}
    />
  );
}
