import { MeetingsTable } from "@/components/meetings/meetings-table";
import { PartyGrievancesTable } from "@/components/parties/party-grievances-table";
import { EmptyNote } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { fullListLink, Section } from "@/components/ui/section";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { meetingsHref } from "@/lib/meeting-list-url";
import { LIMITS } from "@/lib/schemas/common";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import { listGrievances } from "@/lib/server/grievances";
import { listMeetings } from "@/lib/server/meetings";
import { getPartyOrThrow } from "@/lib/server/parties";
import { recordPage, type RecordPageProps } from "@/app/page-data";

export const dynamic = "force-dynamic";

const partyPage = recordPage("slug", getPartyOrThrow);
export const generateMetadata = partyPage.titled((party) => party.name);

const SHOWN = LIMITS.pageSizeMax;
const OPEN_AS_LIST = "Open as a list to filter";

export default async function PartyPage(props: RecordPageProps<"slug">) {
  const { actor, record: party } = await partyPage.load(props);
  const [raised, addressed, meetings] = await Promise.all([
    listGrievances(actor, { party: party.slug, role: "raised", limit: SHOWN }),
    listGrievances(actor, { party: party.slug, role: "addressed", limit: SHOWN }),
    listMeetings(actor, { party: party.slug, limit: SHOWN }),
  ]);
  const sides = [
    {
      role: "raised",
      title: "Grievances it raised",
      page: raised,
      empty: `${party.name} has raised no grievance on record.`,
      caption: `Grievances raised by ${party.name}`,
    },
    {
      role: "addressed",
      title: "Grievances addressed to it",
      page: addressed,
      empty: `No grievance on record is addressed to ${party.name}.`,
      caption: `Grievances addressed to ${party.name}`,
    },
  ] as const;

  return (
    <>
      <PageHeader
        breadcrumb={{ href: "/parties", label: "Parties" }}
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
        {sides.map(({ role, title, page, empty, caption }) => (
          <Section
            key={role}
            id={role}
            title={title}
            detail={formatNumber(page.total)}
            link={fullListLink(
              grievanceListHref({ party: party.slug, role }),
              page.total,
              page.items.length,
              OPEN_AS_LIST,
            )}
          >
            {page.total === 0 ? (
              <EmptyNote>{empty}</EmptyNote>
            ) : (
              <PartyGrievancesTable grievances={page.items} side={role} caption={caption} />
            )}
          </Section>
        ))}
        <Section
          id="meetings"
          title="Meetings attended"
          detail={formatNumber(meetings.total)}
          link={fullListLink(meetingsHref({ party: party.slug }), meetings.total, meetings.items.length, OPEN_AS_LIST)}
        >
          {meetings.total === 0 ? (
            <EmptyNote>{party.name} has attended no meeting on record.</EmptyNote>
          ) : (
            <MeetingsTable meetings={meetings.items} caption={`Meetings attended by ${party.name}`} />
          )}
        </Section>
      </div>
    </>
  );
}
