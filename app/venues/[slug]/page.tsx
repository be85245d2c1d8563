import { MeetingsTable } from "@/components/meetings/meetings-table";
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
import { getVenueOrThrow } from "@/lib/server/venues";
import { recordPage, type RecordPageProps } from "@/app/page-data";

export const dynamic = "force-dynamic";

const venuePage = recordPage("slug", getVenueOrThrow);
export const generateMetadata = venuePage.titled((venue) => venue.name);

export default async function VenuePage(props: RecordPageProps<"slug">) {
  const { actor, record: venue } = await venuePage.load(props);
  const meetings = await listMeetings(actor, { venue: venue.slug, limit: LIMITS.pageSizeMax });

  return (
    <>
      <PageHeader
        breadcrumb={{ href: "/venues", label: "Venues" }}
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
        </aside>
      </div>
    </>
  );
}
