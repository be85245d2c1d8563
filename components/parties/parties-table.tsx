import { countColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { meetingsHref } from "@/lib/meeting-list-url";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import type { PartySummary } from "@/lib/schemas/party";

/** The two sides a party takes in grievances, as the table counts them. */
const SIDES = [
  { role: "raised", header: "Grievances raised", count: (p: PartySummary) => p.raisedCount, what: "raised by" },
  { role: "addressed", header: "Addressed to it", count: (p: PartySummary) => p.addressedCount, what: "addressed to" },
] as const;

/** Parties with how many grievances they raised and received, and how many meetings they attended. */
export function PartiesTable({ parties }: { parties: readonly PartySummary[] }) {
  return (
    <DataTable
      caption="Parties"
      rows={parties}
      columns={[
        {
          header: "Party",
          cell: (p) => (
            <>
              <TextLink href={`/parties/${p.slug}`} className="font-medium">
                {p.name}
              </TextLink>
              {p.shortName ? <span className="ml-1.5 text-xs text-slate-600">{p.shortName}</span> : null}
            </>
          ),
        },
        { header: "Kind", muted: true, cell: (p) => PARTY_KIND_LABELS[p.kind] },
        ...SIDES.map((side) =>
          countColumn<PartySummary>(
            side.header,
            side.count,
            (p) => grievanceListHref({ party: p.slug, role: side.role }),
            (p) => `grievances ${side.what} ${p.name}`,
          ),
        ),
        countColumn<PartySummary>(
          "Meetings",
          (p) => p.meetingCount,
          (p) => meetingsHref({ party: p.slug }),
          (p) => `meetings attended by ${p.name}`,
        ),
      ]}
    />
  );
}
