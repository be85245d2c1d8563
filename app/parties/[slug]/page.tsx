import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { PartyGrievancesTable } from "@/components/parties/party-grievances-table";
import { isAppError } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import { listGrievances } from "@/lib/server/grievances";
import { listMeetings } from "@/lib/server/meetings";
import { getPartyOrThrow } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

const loadParty = cache(async (slug: string) => {
  const actor = await requirePageActor();
  try {
    return await getPartyOrThrow(actor, slug);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const party = await loadParty((await params).slug);
  return { title: party.name };
}

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";
const SHOWN = LIMITS.pageSizeMax;

function Section({
  id,
  title,
  count,
  shown,
  allHref,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number;
  shown: number;
  allHref: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold text-slate-900">
          {title} <span className="font-normal text-slate-600">· {formatNumber(count)}</span>
        </h2>
        {count > 0 ? (
          <Link href={allHref} className={`text-xs ${LINK}`}>
            {count > shown
              ? `Showing ${formatNumber(shown)}: open all ${formatNumber(count)}`
              : "Open as a list to filter"}
          </Link>
        ) : null}
      </div>
      {count === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
          {empty}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

export default async function PartyPage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { slug } = await params;
  const party = await loadParty(slug);
  const [raised, addressed, meetings] = await Promise.all([
    listGrievances(actor, { party: party.slug, role: "raised", limit: SHOWN }),
    listGrievances(actor, { party: party.slug, role: "addressed", limit: SHOWN }),
    listMeetings(actor, { party: party.slug, limit: SHOWN }),
  ]);

  return (
    <>
      <p className="mb-1 text-xs text-slate-600">
        <Link href="/parties" className={LINK}>
          Parties
        </Link>
        <span aria-hidden="true"> /</span>
      </p>
      <PageHeader
        title={
          <>
            {party.name}
            {party.shortName ? (
              <span className="ml-2 text-base font-normal text-slate-600">{party.shortName}</span>
            ) : null}
          </>
        }
        subtitle={`${PARTY_KIND_LABELS[party.kind]} · raised ${formatNumber(raised.total)} ${raised.total === 1 ? "grievance" : "grievances"}, received ${formatNumber(addressed.total)}, attended ${formatNumber(meetings.total)} ${meetings.total === 1 ? "meeting" : "meetings"}`}
      />
      <div className="space-y-6">
        <Section
          id="raised"
          title="Grievances it raised"
          count={raised.total}
          shown={raised.items.length}
          allHref={`/grievances?party=${party.slug}&role=raised`}
          empty={`${party.name} has raised no grievance on record.`}
        >
          <PartyGrievancesTable
            grievances={raised.items}
            side="raised"
            caption={`Grievances raised by ${party.name}`}
          />
        </Section>
        <Section
          id="addressed"
          title="Grievances addressed to it"
          count={addressed.total}
          shown={addressed.items.length}
          allHref={`/grievances?party=${party.slug}&role=addressed`}
          empty={`No grievance on record is addressed to ${party.name}.`}
        >
          <PartyGrievancesTable
            grievances={addressed.items}
            side="addressed"
            caption={`Grievances addressed to ${party.name}`}
          />
        </Section>
        <Section
          id="meetings"
          title="Meetings attended"
          count={meetings.total}
          shown={meetings.items.length}
          allHref={`/meetings?party=${party.slug}`}
          empty={`${party.name} has attended no meeting on record.`}
        >
          <MeetingsTable meetings={meetings.items} caption={`Meetings attended by ${party.name}`} />
        </Section>
      </div>
    </>
  );
}
