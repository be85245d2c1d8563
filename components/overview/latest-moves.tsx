import { StatusChange } from "@/components/grievances/status-change";
import { dateColumn, linkColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { EmptyText } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import { Dash } from "@/components/ui/values";
import type { Overview } from "@/lib/schemas/overview";

type Move = Overview["latestMoves"][number];

function MeetingLink({ meeting }: { meeting: NonNullable<Move["meeting"]> }) {
  return <TextLink href={`/meetings/${meeting.id}`}>{meeting.title}</TextLink>;
}

/** The latest status changes across all grievances, newest first. */
export function LatestMoves({ moves }: { moves: Overview["latestMoves"] }) {
  return (
    <DataTable
      caption="Latest moves"
      rows={moves}
      empty={<EmptyText>No status changes yet.</EmptyText>}
      columns={[
        dateColumn<Move>("Date", (move) => move.at),
        linkColumn<Move>(
          "Grievance",
          (move) => `/grievances/${move.grievance.id}`,
          (move) => move.grievance.title,
          "min-w-48",
        ),
        {
          header: "Move",
          className: "whitespace-nowrap",
          cell: (move) => <StatusChange from={move.from} to={move.to} />,
        },
        {
          header: "Reason",
          muted: true,
          className: "min-w-48",
          cell: (move) => (
            <>
              {move.reason}
              {/* On narrow screens the meeting goes under the reason instead of its own column. */}
              {move.meeting ? (
                <span className="mt-0.5 block text-xs lg:hidden">
                  at <MeetingLink meeting={move.meeting} />
                </span>
              ) : null}
            </>
          ),
        },
        {
          header: "Meeting",
          headerClassName: "hidden lg:table-cell",
          className: "hidden min-w-40 lg:table-cell",
          cell: (move) => (move.meeting ? <MeetingLink meeting={move.meeting} /> : <Dash />),
        },
      ]}
    />
  );
}
