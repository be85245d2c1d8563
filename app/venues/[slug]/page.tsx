import { MeetingsTable } from "@/components/meetings/meetings-table";
import { MergedNotice, MergeRecordForm } from "@/components/records/slugged-record-forms";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { VenueEditForm } from "@/components/venues/venue-create-form";
import { RevisionHistory } from "@/components/records/revision-history";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { EmptyNote } from "@/components/ui/empty-state";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { fullListLink, Section } from "@/components/ui/section";
import { meetingsHref } from "@/lib/meeting-list-url";
import { LIMITS } from "@/lib/schemas/common";
import { can } from "@/lib/server/authz";
import { listMeetings } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
import { deleteVenueAction, mergeVenueAction, restoreVenueAction } from "@/lib/actions/records";
import { getVenueOrThrow, listVenues } from "@/lib/server/venues";
import { recordPage, type RecordPageProps } from "@/app/page-data";

export const dynamic = "force-dynamic";

const venuePage = recordPage("slug", getVenueOrThrow);
export const generateMetadata = venuePage.titled((venue) => venue.name);

export default async function VenuePage(props: RecordPageProps<"slug">) {
  const { actor, record: venue } = await venuePage.load(props);
  const live = !venue.deletedAt;
  const isAdmin = can(actor, "admin");
  const [meetings, others] = await Promise.all([
    listMeetings(actor, { venue: venue.slug, limit: LIMITS.pageSizeMax }),
    isAdmin && live ? listVenues(actor) : [],
  ]);

  return (
    <>
      <PageHeader
        breadcrumb={{ href: "/venues", label: "Venues" }}
        banner={
          venue.mergedInto ? (
            <MergedNotice
              href={`/venues/${venue.mergedInto.slug}`}
              name={venue.mergedInto.name}
              moved="its meetings were moved there"
            />
          ) : venue.deletedAt ? (
            <DeletedNotice id={venue.slug} noun="venue" deletedAt={venue.deletedAt} action={restoreVenueAction} />
          ) : null
        }
        title={venue.name}
        subtitle={`${venue.city}, ${venue.country}`}
      />
      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Section
          id="venue-meetings"
          title="Meetings held here"
          detail={formatNumber(meetings.total)}
          link={fullListLink(meetingsHref({ venue: venue.slug }), meetings.total, meetings.items.length)}
          className="min-w-0"
        >
          {meetings.total === 0 ? (
            <EmptyNote>
              <p>No meeting on record was held here.</p>
              {can(actor, "write") ? (
                <ButtonLink href="/meetings/new" size="sm" className="mt-2">
                  Log meeting
                </ButtonLink>
              ) : null}
            </EmptyNote>
          ) : (
            <MeetingsTable meetings={meetings.items} caption={`Meetings held at ${venue.name}`} hideVenue />
          )}
        </Section>
        <aside className="min-w-0" aria-label="Venue details">
          <Card title="Details">
            <DefinitionList
              items={[
                { term: "Name", value: venue.name },
                { term: "City", value: venue.city },
                { term: "Country", value: venue.country },
                { term: "Meetings", value: formatNumber(venue.meetingCount) },
                { term: "Note", value: venue.note },
                { term: "Slug", value: <code className="font-mono text-xs">{venue.slug}</code> },
              ]}
            />
          </Card>
          {live && can(actor, "write") ? (
            <Card title="Edit venue" className="mt-5">
              <VenueEditForm venue={venue} />
            </Card>
          ) : null}
          {live && isAdmin ? (
            <Card title="Admin" className="mt-5">
              <div className="space-y-3">
                <MergeRecordForm
                  action={mergeVenueAction}
                  slug={venue.slug}
                  noun="venue"
                  options={others
                    .filter((v) => v.slug !== venue.slug)
                    .map((v) => ({ value: v.slug, label: `${v.name}, ${v.city}` }))}
                  moves="every meeting held there"
                />
                <DeleteRecordControl id={venue.slug} noun="venue" action={deleteVenueAction} />
              </div>
            </Card>
          ) : null}
        </aside>
        <RevisionHistory entity="venue" revisions={await listRevisions(actor, "venue", venue.slug)} />
      </div>
    </>
  );
}
