import { Fragment } from "react";
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

/** Parties in a line, "Russia, Türkiye"; a muted dash when there are none. */
export function PartyList({ parties, link = false, short = false }: PartyListProps) {
  if (parties.length === 0) return <Dash />;
  return (
    <>
      {parties.map((party, i) => (
        <Fragment key={party.slug}>
          {i > 0 ? ", " : null}
          {link ? (
            <TextLink href={`/parties/${party.slug}`}>{short ? party.shortName || party.name : party.name}</TextLink>
          ) : short && party.shortName ? (
            <abbr title={party.name} className="no-underline">
              {party.shortName}
            </abbr>
          ) : (
            <span>{party.name}</span>
          )}
        </Fragment>
      ))}
    </>
  );
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
    <span className="whitespace-nowrap">
      <PartyList parties={raisedBy} link={link} short={short} />
      <span aria-hidden="true" className="px-1 text-slate-500">
        →
      </span>
      <span className="sr-only"> to </span>
      <PartyList parties={addressedTo} link={link} short={short} />
    </span>
  );
}
