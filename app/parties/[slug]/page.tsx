import { MeetingsTable } from "@/components/meetings/meetings-table";
import { RevisionHistory } from "@/components/records/revision-history";
import { PartyEditForm } from "@/components/parties/party-create-form";
import { PartyGrievancesTable } from "@/components/parties/party-grievances-table";
import { MergedNotice, MergeRecordForm } from "@/components/records/slugged-record-forms";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { Card } from "@/components/ui/card";
import { EmptyNote } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { ExportLinks } from "@/components/records/export-links";
import { apiListHref } from "@/lib/export/links";
import { fullListLink, Section } from "@/components/ui/section";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { meetingsHref } from "@/lib/meeting-list-url";
import { LIMITS } from "@/lib/schemas/common";
import { PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import { listGrievances } from "@/lib/server/grievances";
import { listMeetings } from "@/lib/server/meetings";
import { deletePartyAction, mergePartyAction, restorePartyAction } from "@/lib/actions/records";
import { can } from "@/lib/server/authz";
import { getPartyOrThrow, listPartyOptions } from "@/lib/server/parties";
import { listRevisions } from "@/lib/server/revisions";
import { recordPage, type RecordPageProps } from "@/app/page-data";

export const dynamic = "force-dynamic";

const partyPage = recordPage("slug", getPartyOrThrow);
export const generateMetadata = partyPage.titled((party) => party.name);

const SHOWN = LIMITS.pageSizeMax;
const OPEN_AS_LIST = "Open as a list to filter";

export default async function PartyPage(props: RecordPageProps<"slug">) {
  const { actor, record: party } = await partyPage.load(props);
  const live = !party.deletedAt;
  const isAdmin = can(actor, "admin");
  const [raised, addressed, meetings, others] = await Promise.all([
    listGrievances(actor, { party: party.slug, role: "raised", limit: SHOWN }),
    listGrievances(actor, { party: party.slug, role: "addressed", limit: SHOWN }),
    listMeetings(actor, { party: party.slug, limit: SHOWN }),
    isAdmin && live ? listPartyOptions(actor) : [],
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
        banner={
          party.mergedInto ? (
            <MergedNotice
              href={`/parties/${party.mergedInto.slug}`}
              name={party.mergedInto.name}
              moved="every grievance and meeting that named it names that party now"
            />
          ) : party.deletedAt ? (
            <DeletedNotice id={party.slug} noun="party" deletedAt={party.deletedAt} action={restorePartyAction} />
          ) : null
        }
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
              <>
                <ExportLinks
                  href={apiListHref(grievanceListHref({ party: party.slug, role }))}
                  what={caption.toLowerCase()}
                />
                <PartyGrievancesTable grievances={page.items} side={role} caption={caption} />
              </>
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
            <>
              <ExportLinks
                href={apiListHref(meetingsHref({ party: party.slug }))}
                what={`meetings attended by ${party.name}`}
              />
              <MeetingsTable meetings={meetings.items} caption={`Meetings attended by ${party.name}`} />
            </>
          )}
        </Section>
        {live && can(actor, "write") ? (
          <Section id="edit" title="Edit party">
            <PartyEditForm party={party} />
          </Section>
        ) : null}
        {live && isAdmin ? (
          <Card title="Admin">
            <div className="space-y-3">
              <MergeRecordForm
                action={mergePartyAction}
                slug={party.slug}
                noun="party"
                options={others.filter((p) => p.slug !== party.slug).map((p) => ({ value: p.slug, label: p.name }))}
                moves="every grievance and meeting that names it"
              />
              <DeleteRecordControl id={party.slug} noun="party" action={deletePartyAction} />
            </div>
          </Card>
        ) : null}
        <RevisionHistory entity="party" revisions={await listRevisions(actor, "party", party.slug)} />
      </div>
    </>
  );
}
