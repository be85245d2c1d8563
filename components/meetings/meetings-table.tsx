import type { ReactNode } from "react";
import { countColumn, dateColumn, linkColumn } from "@/components/ui/columns";
import { DataTable, type Column } from "@/components/ui/data-table";
import { MeetingStatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { Dash } from "@/components/ui/values";
import { grievanceListHref } from "@/lib/grievance-list-url";
import type { MeetingSummary } from "@/lib/schemas/meeting";
import { ParticipantsCompact } from "./participants";

/** The columns every meeting table has, for the list and the overview alike. */
export const meetingColumns = {
  title: linkColumn<MeetingSummary>(
    "Meeting",
    (m) => `/meetings/${m.id}`,
    (m) => m.title,
  ),
  status: { header: "Status", cell: (m) => <MeetingStatusBadge status={m.status} /> } satisfies Column<MeetingSummary>,
};

export type MeetingsTableProps = {
  meetings: readonly MeetingSummary[];
  caption: ReactNode;
  /** Hide the venue column (on a venue's own page). */
  hideVenue?: boolean;
};

/** Meetings, newest first as given: date, title, venue, participants, status, agenda size. */
export function MeetingsTable({ meetings, caption, hideVenue = false }: MeetingsTableProps) {
  return (
    <DataTable
      caption={caption}
      rows={meetings}
      columns={[
        dateColumn<MeetingSummary>("Date", (m) => m.date, { muted: false, headerClassName: "w-28" }),
        meetingColumns.title,
        !hideVenue && {
          header: "Venue",
          cell: (m) =>
            m.venue ? (
              <>
                <TextLink href={`/venues/${m.venue.slug}`}>{m.venue.name}</TextLink>
                <span className="block text-xs text-slate-600">{m.venue.city}</span>
              </>
            ) : (
              <Dash />
            ),
        },
        { header: "Participants", cell: (m) => <ParticipantsCompact participants={m.participants} /> },
        meetingColumns.status,
        countColumn<MeetingSummary>(
          "Agenda",
          (m) => m.agendaCount,
          (m) => grievanceListHref({ meeting: m.id }),
          (m) => `grievances on the agenda of ${m.title}`,
          "Grievances on the agenda",
        ),
      ]}
    />
  );
}
