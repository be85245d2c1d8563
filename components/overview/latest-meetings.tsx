import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDate, toIsoDate } from "@/components/ui/format";
import { MeetingStatusBadge } from "@/components/ui/status-badge";
import type { MeetingSummary } from "@/lib/schemas/meeting";

/** The newest meetings: date, title (link), venue, status and how many grievances they discussed. */
export function LatestMeetings({ meetings }: { meetings: readonly MeetingSummary[] }) {
  if (meetings.length === 0) return <p className="text-sm text-slate-600">No meetings recorded yet.</p>;
  return (
    <Table caption="Latest meetings" captionHidden>
      <THead>
        <tr>
          <Th>Date</Th>
          <Th>Meeting</Th>
          <Th>Venue</Th>
          <Th>Status</Th>
          <Th numeric>Grievances</Th>
        </tr>
      </THead>
      <TBody>
        {meetings.map((m) => (
          <Tr key={m.id}>
            <Td muted className="whitespace-nowrap">
              {m.date ? <time dateTime={toIsoDate(m.date)}>{formatDate(m.date)}</time> : formatDate(null)}
            </Td>
            <Td>
              <Link
                href={`/meetings/${m.id}`}
                className="font-medium text-accent-700 hover:text-accent-900 hover:underline"
              >
                {m.title}
              </Link>
            </Td>
            <Td muted>{m.venue ? `${m.venue.name}, ${m.venue.city}` : "—"}</Td>
            <Td>
              <MeetingStatusBadge status={m.status} />
            </Td>
            <Td numeric>{m.agendaCount}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
