import { BarList } from "@/components/ui/bar-list";
import { EmptyText } from "@/components/ui/empty-state";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { UNSETTLED_GRIEVANCE_STATUSES } from "@/lib/schemas/enums";
import type { Overview } from "@/lib/schemas/overview";

/**
 * Open (unsettled) grievances per party, as two bars each: raised by the party and addressed to
 * it. One scale for every party, so bars compare across parties; each number links to the list.
 */
export function UnsettledByParty({ rows }: { rows: Overview["unsettledByParty"] }) {
  if (rows.length === 0) return <EmptyText>No open grievances.</EmptyText>;
  const max = Math.max(1, ...rows.flatMap((r) => [r.raised, r.addressed]));
  const href = (slug: string, role: "raised" | "addressed") =>
    grievanceListHref({ party: slug, role, status: UNSETTLED_GRIEVANCE_STATUSES });
  return (
    <div className="space-y-3">
      {rows.map(({ party, raised, addressed }) => (
        <div key={party.slug}>
          <h3 className="mb-1 text-xs font-semibold text-slate-700">{party.name}</h3>
          <BarList
            label={`Open grievances of ${party.name}`}
            unit="open grievances"
            max={max}
            items={[
              {
                key: "raised",
                label: <PartyRole party={party.name} role="raised by it" />,
                value: raised,
                href: href(party.slug, "raised"),
              },
              {
                key: "addressed",
                label: <PartyRole party={party.name} role="addressed to it" />,
                value: addressed,
                href: href(party.slug, "addressed"),
                color: "var(--color-accent-300)",
              },
            ]}
          />
        </div>
      ))}
    </div>
  );
}

/** Reads "Russia, raised by it" to assistive technology, so each link makes sense on its own. */
function PartyRole({ party, role }: { party: string; role: string }) {
  return (
    <>
      <span className="sr-only">{party}, </span>
      {role}
    </>
  );
}
