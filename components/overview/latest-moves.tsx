import Link from "next/link";
import { StatusChange } from "@/components/grievances/status-change";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDate, toIsoDate } from "@/components/ui/format";
import type { Overview } from "@/lib/schemas/overview";

/** The latest status changes across all grievances, newest first. */
export function LatestMoves({ moves }: { moves: Overview["latestMoves"] }) {
  if (moves.length === 0) return <p className="text-sm text-slate-600">No status changes yet.</p>;
  return (
    <Table caption="Latest moves" captionHidden>
      <THead>
        <tr>
          <Th>Date</Th>
          <Th>Grievance</Th>
          <Th>Move</Th>
          <Th>Reason</Th>
          <Th className="hidden lg:table-cell">Meeting</Th>
        </tr>
      </THead>
      <TBody>
        {moves.map((move) => (
          <Tr key={move.id}>
            <Td muted className="whitespace-nowrap">
              <time dateTime={toIsoDate(move.at)}>{formatDate(move.at)}</time>
            </Td>
            <Td className="min-w-48">
              <Link
                href={`/grievances/${move.grievance.id}`}
                className="font-medium text-accent-700 hover:text-accent-900 hover:underline"
              >
                {move.grievance.title}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">
              <StatusChange from={move.from} to={move.to} />
            </Td>
            <Td muted className="min-w-48">
              {move.reason}
              {/* On narrow screens the meeting goes under the reason instead of its own column. */}
              {move.meeting ? (
                <span className="mt-0.5 block text-xs lg:hidden">
                  at{" "}
                  <Link
                    href={`/meetings/${move.meeting.id}`}
                    className="text-accent-700 hover:text-accent-900 hover:underline"
                  >
                    {move.meeting.title}
                  </Link>
                </span>
              ) : null}
            </Td>
            <Td className="hidden min-w-40 lg:table-cell">
              {move.meeting ? (
                <Link
                  href={`/meetings/${move.meeting.id}`}
                  className="text-accent-700 hover:text-accent-900 hover:underline"
                >
                  {move.meeting.title}
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
