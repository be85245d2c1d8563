import Link from "next/link";
import { Fragment } from "react";
import type { PartyRef } from "@/lib/schemas/party";

/** "RU", or the full name when a party has no short name. */
export function partyShortName(party: PartyRef): string {
  return party.shortName || party.name;
}

function PartyList({ parties, link, short }: { parties: readonly PartyRef[]; link: boolean; short: boolean }) {
  if (parties.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <>
      {parties.map((party, i) => (
        <Fragment key={party.slug}>
          {i > 0 ? ", " : null}
          {link ? (
            <Link href={`/parties/${party.slug}`} className="text-accent-700 hover:text-accent-900 hover:underline">
              {short ? partyShortName(party) : party.name}
            </Link>
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

export type PartyFlowProps = {
  raisedBy: readonly PartyRef[];
  addressedTo: readonly PartyRef[];
  /** Short names ("RU → US") for tables; full names elsewhere. */
  short?: boolean;
  /** Link each party to its page. */
  link?: boolean;
};

/** Who raised a grievance and with whom: "Russia → United States", read as "raised by … to …". */
export function PartyFlow({ raisedBy, addressedTo, short = false, link = false }: PartyFlowProps) {
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
