import { TextLink } from "@/components/ui/text-link";
import { Dash } from "@/components/ui/values";
import type { PartyRef } from "@/lib/schemas/party";

type PartyListProps = {
  parties: readonly PartyRef[];
  /** Link each party to its page. */
  link?: boolean;
  /** Short names ("RU") for tables; full names elsewhere. */
  short?: boolean;
};

/**
 * Parties in a line, "Russia, Türkiye"; a muted dash when there are none. The separators are bare
 * strings between keyed elements rather than a keyed Fragment per party: a list shows this on every
 * row, and each Fragment costs its own entry in the page's RSC payload.
 */
export function PartyList({ parties, link = false, short = false }: PartyListProps) {
  if (parties.length === 0) return <Dash />;
  return parties.flatMap((party, i) => {
    const name = link ? (
      <TextLink key={party.slug} href={`/parties/${party.slug}`}>
        {short ? party.shortName || party.name : party.name}
      </TextLink>
    ) : short && party.shortName ? (
      // Not underlined: .flow abbr in components/ui/components.css, rather than a class on each.
      <abbr key={party.slug} title={party.name}>
        {party.shortName}
      </abbr>
    ) : (
      <span key={party.slug}>{party.name}</span>
    );
    return i > 0 ? [", ", name] : [name];
  });
}

/** Parties one a line, each a link to its page (a grievance's facts box). */
export function PartyLinkList({ parties }: { parties: readonly PartyRef[] }) {
  if (parties.length === 0) return null;
  return (
    <ul>
      {parties.map((p) => (
        <li key={p.slug}>
          <TextLink href={`/parties/${p.slug}`}>{p.name}</TextLink>
        </li>
      ))}
    </ul>
  );
}

export type PartyFlowProps = {
  raisedBy: readonly PartyRef[];
  addressedTo: readonly PartyRef[];
} & Omit<PartyListProps, "parties">;

/** Who raised a grievance and with whom: "Russia → United States", read as "raised by … to …". */
export function PartyFlow({ raisedBy, addressedTo, short, link }: PartyFlowProps) {
  return (
    // .flow (components/ui/components.css): one line, the arrow spaced and muted.
    <span className="flow">
      <PartyList parties={raisedBy} link={link} short={short} />
      <span aria-hidden="true">→</span>
      <span className="sr-only"> to </span>
      <PartyList parties={addressedTo} link={link} short={short} />
    </span>
  );
}
