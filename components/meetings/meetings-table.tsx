import Link from "next/link";
import type { ReactNode } from "react";
import { formatDate, formatNumber, toIsoDate } from "@/components/ui/format";
import { MeetingStatusBadge } from "@/components/ui/status-badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import type { MeetingStatus } from "@/lib/schemas/enums";
import { ParticipantsCompact, type ParticipantView } from "./participants";

export type MeetingRow = {
  id: string;
  title: string;
  date: string | null;
  status: MeetingStatus;
  venue: { slug: string; name: string; city: string } | null;
  participants: ParticipantView[];
  agendaCount: number;
};

export type MeetingsTableProps = {
  meetings: readonly MeetingRow[];
  caption: ReactNode;
  /** Hide the venue column (on a venue's own page). */
  hideVenue?: boolean;
};

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

/** Meetings, newest first as given: date, title, venue, participants, status, agenda size. */
export function MeetingsTable({ meetings, caption, hideVenue = false }: MeetingsTableProps) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <tr>
          <Th className="w-28">Date</Th>
          <Th>Meeting</Th>
          {hideVenue ? null : <Th>Venue</Th>}
          <Th>Participants</Th>
          <Th>Status</Th>
          <Th numeric title="Grievances on the agenda">
            Agenda
          </Th>
        </tr>
      </THead>
      <TBody>
        {meetings.map((m) => (
          <Tr key={m.id}>
            <Td className="whitespace-nowrap">
              {m.date ? (
                <time dateTime={toIsoDate(m.date)}>{formatDate(m.date)}</time>
              ) : (
                <span className="text-slate-500">date unknown</span>
              )}
            </Td>
            <Td>
              <Link href={`/meetings/${m.id}`} className={`font-medium ${LINK}`}>
                {m.title}
              </Link>
            </Td>
            {hideVenue ? null : (
              <Td>
                {m.venue ? (
                  <>
                    <Link href={`/venues/${m.venue.slug}`} className={LINK}>
                      {m.venue.name}
                    </Link>
                    <span className="block text-xs text-slate-600">{m.venue.city}</span>
                  </>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </Td>
            )}
            <Td>
              <ParticipantsCompact participants={m.participants} />
            </Td>
            <Td>
              <MeetingStatusBadge status={m.status} />
            </Td>
            <Td numeric>
              {m.agendaCount > 0 ? (
                <Link
                  href={`/grievances?meeting=${encodeURIComponent(m.id)}`}
                  className={LINK}
                  aria-label={`${formatNumber(m.agendaCount)} grievances on the agenda of ${m.title}`}
                >
                  {formatNumber(m.agendaCount)}
                </Link>
              ) : (
                <span className="text-slate-500">0</span>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
