import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatNumber } from "@/components/ui/format";

export type VenueTableRow = {
  slug: string;
  name: string;
  city: string;
  country: string;
  note: string | null;
  meetingCount: number;
};

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

/** Venues with the number of meetings held at each (a link to those meetings). */
export function VenuesTable({ venues }: { venues: readonly VenueTableRow[] }) {
  return (
    <Table caption="Venues" captionHidden>
      <THead>
        <tr>
          <Th>Venue</Th>
          <Th>City</Th>
          <Th>Country</Th>
          <Th numeric>Meetings</Th>
          <Th>Note</Th>
        </tr>
      </THead>
      <TBody>
        {venues.map((v) => (
          <Tr key={v.slug}>
            <Td className="min-w-48">
              <Link href={`/venues/${v.slug}`} className={`font-medium ${LINK}`}>
                {v.name}
              </Link>
            </Td>
            <Td className="whitespace-nowrap">{v.city}</Td>
            <Td className="whitespace-nowrap">{v.country}</Td>
            <Td numeric>
              {v.meetingCount > 0 ? (
                <Link
                  href={`/meetings?venue=${v.slug}`}
                  className={LINK}
                  aria-label={`${formatNumber(v.meetingCount)} meetings at ${v.name}`}
                >
                  {formatNumber(v.meetingCount)}
                </Link>
              ) : (
                <span className="text-slate-500">0</span>
              )}
            </Td>
            <Td muted className="max-w-xl min-w-64">
              {v.note ?? <span className="text-slate-500">—</span>}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
