import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDate, toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { GRIEVANCE_CATEGORY_LABELS, type GrievanceCategory, type GrievanceStatus } from "@/lib/schemas/enums";

type PartyRef = { slug: string; name: string };

export type PartyGrievanceRow = {
  id: string;
  title: string;
  category: GrievanceCategory;
  status: GrievanceStatus;
  raisedBy: PartyRef[];
  addressedTo: PartyRef[];
  lastMovedAt: string;
};

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

function PartyLinks({ parties }: { parties: readonly PartyRef[] }) {
  if (parties.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <>
      {parties.map((p, i) => (
        <span key={p.slug}>
          {i > 0 ? ", " : null}
          <Link href={`/parties/${p.slug}`} className={LINK}>
            {p.name}
          </Link>
        </span>
      ))}
    </>
  );
}

/**
 * A party's grievances from one side: those it raised (the other column shows to whom) or those
 * addressed to it (the other column shows by whom).
 */
export function PartyGrievancesTable({
  grievances,
  side,
  caption,
}: {
  grievances: readonly PartyGrievanceRow[];
  side: "raised" | "addressed";
  caption: string;
}) {
  return (
    <Table caption={caption} captionHidden>
      <THead>
        <tr>
          <Th>Grievance</Th>
          <Th>Category</Th>
          <Th>{side === "raised" ? "Addressed to" : "Raised by"}</Th>
          <Th>Status</Th>
          <Th>Last moved</Th>
        </tr>
      </THead>
      <TBody>
        {grievances.map((g) => (
          <Tr key={g.id}>
            <Td className="min-w-56">
              <Link href={`/grievances/${g.id}`} className={`font-medium ${LINK}`}>
                {g.title}
              </Link>
            </Td>
            <Td muted className="whitespace-nowrap">
              {GRIEVANCE_CATEGORY_LABELS[g.category]}
            </Td>
            <Td>
              <PartyLinks parties={side === "raised" ? g.addressedTo : g.raisedBy} />
            </Td>
            <Td>
              <GrievanceStatusBadge status={g.status} />
            </Td>
            <Td muted className="whitespace-nowrap">
              <time dateTime={toIsoDate(g.lastMovedAt)}>{formatDate(g.lastMovedAt)}</time>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
