import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatNumber } from "@/components/ui/format";
import type { PartyKind } from "@/lib/schemas/enums";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";

export type PartyTableRow = {
  slug: string;
  name: string;
  shortName: string | null;
  kind: PartyKind;
  raisedCount: number;
  addressedCount: number;
  meetingCount: number;
};

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

/** A count that links to the list it counts; a zero is plain text. */
function CountLink({ value, href, label }: { value: number; href: string; label: string }) {
  if (value === 0) return <span className="text-slate-500">0</span>;
  return (
    <Link href={href} className={LINK} aria-label={label}>
      {formatNumber(value)}
    </Link>
  );
}

/** Parties with how many grievances they raised and received, and how many meetings they attended. */
export function PartiesTable({ parties }: { parties: readonly PartyTableRow[] }) {
  return (
    <Table caption="Parties" captionHidden>
      <THead>
        <tr>
          <Th>Party</Th>
          <Th>Kind</Th>
          <Th numeric>Grievances raised</Th>
          <Th numeric>Addressed to it</Th>
          <Th numeric>Meetings</Th>
        </tr>
      </THead>
      <TBody>
        {parties.map((p) => (
          <Tr key={p.slug}>
            <Td>
              <Link href={`/parties/${p.slug}`} className={`font-medium ${LINK}`}>
                {p.name}
              </Link>
              {p.shortName ? <span className="ml-1.5 text-xs text-slate-600">{p.shortName}</span> : null}
            </Td>
            <Td muted>{PARTY_KIND_LABELS[p.kind]}</Td>
            <Td numeric>
              <CountLink
                value={p.raisedCount}
                href={`/grievances?party=${p.slug}&role=raised`}
                label={`${formatNumber(p.raisedCount)} grievances raised by ${p.name}`}
              />
            </Td>
            <Td numeric>
              <CountLink
                value={p.addressedCount}
                href={`/grievances?party=${p.slug}&role=addressed`}
                label={`${formatNumber(p.addressedCount)} grievances addressed to ${p.name}`}
              />
            </Td>
            <Td numeric>
              <CountLink
                value={p.meetingCount}
                href={`/meetings?party=${p.slug}`}
                label={`${formatNumber(p.meetingCount)} meetings attended by ${p.name}`}
              />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
