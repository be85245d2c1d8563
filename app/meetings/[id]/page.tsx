import { recordPage, type RecordPageProps } from "@/app/page-data";
import { CitationList } from "@/components/meetings/citation-list";
import { MeetingEditForm } from "@/components/meetings/meeting-edit-form";
import { MeetingHistory } from "@/components/meetings/meeting-history";
import { MeetingStatusForm } from "@/components/meetings/meeting-status-form";
import { OutcomeForm } from "@/components/meetings/outcome-form";
import { AgendaNoteEdit } from "@/components/meetings/agenda-note-edit";
import { ParticipantsDetailed } from "@/components/meetings/participants";
import { RevisionHistory } from "@/components/records/revision-history";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { linkColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { DefinitionList } from "@/components/ui/definition-list";
import { EmptyNote, EmptyText } from "@/components/ui/empty-state";
import { formatDate, formatNumber, toIsoDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { GrievanceStatusBadge, MeetingStatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { deleteMeetingAction, restoreMeetingAction } from "@/lib/actions/meetings";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { MEETING_STATUS_LABELS } from "@/lib/schemas/enums";
import type { MeetingDetail } from "@/lib/schemas/meeting";
import { can } from "@/lib/server/authz";
import { listGrievanceOptions } from "@/lib/server/grievances";
import { getMeetingOrThrow } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";
import { listVenues } from "@/lib/server/venues";
import { allowedMeetingTransitions, outcomeMeetingError } from "@/lib/status-rules";

export const dynamic = "force-dynamic";

const meetingPage = recordPage("id", getMeetingOrThrow);
export const generateMetadata = meetingPage.titled((meeting) => meeting.title);

type Agenda = MeetingDetail["agenda"][number];

const grievances = (n: number) => `${formatNumber(n)} ${n === 1 ? "grievance" : "grievances"}`;

export default async function MeetingPage(props: RecordPageProps<"id">) {
  const { actor, record: meeting } = await meetingPage.load(props);
  const canWrite = can(actor, "write");
  // A deleted meeting can only be restored, not edited; viewers are not offered edits at all.
  const deleted = meeting.deletedAt !== null;
  const canEdit = canWrite && !deleted;
  const [grievanceOptions, venues] = await Promise.all([
    canEdit ? listGrievanceOptions(actor) : [],
    canEdit ? listVenues(actor) : [],
  ]);

  const allowed = allowedMeetingTransitions(meeting.status);
  const outcomeError = outcomeMeetingError(meeting.status);
  const agendaOptions = meeting.agenda.map((a) => ({
    id: a.grievance.id,
    title: a.grievance.title,
    status: a.grievance.status,
    version: a.grievance.version,
  }));
  const dot = (
    <span aria-hidden="true" className="text-slate-400">
      ·
    </span>
  );

  return (
    <>
      <PageHeader
        breadcrumb={{ href: "/meetings", label: "Meetings" }}
        banner={
          meeting.deletedAt ? (
            <DeletedNotice id={meeting.id} noun="meeting" deletedAt={meeting.deletedAt} action={restoreMeetingAction} />
          ) : null
        }
        title={meeting.title}
        subtitle={
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
            {meeting.date ? (
              <time dateTime={toIsoDate(meeting.date)}>{formatDate(meeting.date)}</time>
            ) : (
              <span>Date unknown</span>
            )}
            {dot}
            {meeting.venue ? (
              <TextLink href={`/venues/${meeting.venue.slug}`}>
                {meeting.venue.name}, {meeting.venue.city}
              </TextLink>
            ) : (
              <span>Venue unknown</span>
            )}
            {dot}
            <MeetingStatusBadge status={meeting.status} />
          </span>
        }
        actions={
          canEdit ? (
            <>
              {outcomeError ? null : (
                <ButtonLink href="#outcome" variant="primary">
                  Log outcome
                </ButtonLink>
              )}
              {allowed.length ? <ButtonLink href="#change-status">Change status</ButtonLink> : null}
              <ButtonLink href="#edit">Edit details</ButtonLink>
            </>
          ) : null
        }
      >
        <section aria-labelledby="participants-heading" className="mt-4">
          <h2 id="participants-heading" className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Participants
          </h2>
          <ParticipantsDetailed participants={meeting.participants} />
        </section>
      </PageHeader>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          <Card title="Summary">
            {meeting.summary ? (
              <div className="max-w-3xl space-y-2 text-sm leading-relaxed whitespace-pre-line text-slate-800">
                {meeting.summary}
              </div>
            ) : (
              <EmptyText>No summary yet.</EmptyText>
            )}
          </Card>

          <Section id="agenda" title="Agenda" detail={grievances(meeting.agenda.length)}>
            <DataTable
              caption="Grievances discussed at this meeting"
              rows={meeting.agenda}
              empty={<EmptyNote>No grievances recorded for this meeting yet.</EmptyNote>}
              rowKey={(a) => a.id}
              columns={[
                linkColumn<Agenda>(
                  "Grievance",
                  // Its page then offers this meeting, dated on its day, for a status change.
                  (a) => `/grievances/${a.grievance.id}?meeting=${meeting.id}`,
                  (a) => a.grievance.title,
                  "min-w-48",
                ),
                { header: "Status now", cell: (a) => <GrievanceStatusBadge status={a.grievance.status} /> },
                {
                  header: "After this meeting",
                  cell: (a) =>
                    a.statusAfter ? (
                      <GrievanceStatusBadge status={a.statusAfter} />
                    ) : (
                      <span className="text-slate-600">no change</span>
                    ),
                },
                {
                  header: "Note",
                  className: "min-w-64 text-slate-800",
                  cell: (a) => (canEdit ? <AgendaNoteEdit id={a.id} version={a.version} note={a.note} /> : a.note),
                },
              ]}
            />
          </Section>

          <RevisionHistory entity="meeting" revisions={await listRevisions(actor, "meeting", meeting.id)} />
        </div>

        <aside className="min-w-0 space-y-5" aria-label="Facts and changes">
          <Card title="Facts">
            <DefinitionList
              items={[
                { term: "Date", value: meeting.date ? formatDate(meeting.date) : "unknown" },
                {
                  term: "Venue",
                  value: meeting.venue ? (
                    <TextLink href={`/venues/${meeting.venue.slug}`}>{meeting.venue.name}</TextLink>
                  ) : null,
                },
                { term: "Place", value: meeting.venue ? `${meeting.venue.city}, ${meeting.venue.country}` : null },
                { term: "Status", value: <MeetingStatusBadge status={meeting.status} /> },
                {
                  term: "Agenda",
                  value:
                    meeting.agenda.length > 0 ? (
                      <TextLink href={grievanceListHref({ meeting: meeting.id })}>
                        {grievances(meeting.agenda.length)}
                      </TextLink>
                    ) : (
                      "none yet"
                    ),
                },
                { term: "Version", value: formatNumber(meeting.version) },
              ]}
            />
          </Card>

          {canEdit ? (
            <Card id="change-status" title="Change status">
              {allowed.length ? (
                <MeetingStatusForm meetingId={meeting.id} version={meeting.version} allowed={allowed} />
              ) : (
                <p className="text-sm text-slate-700">
                  A held meeting stays held: its outcomes hang on it. To correct a mistaken entry,{" "}
                  {/* Underlined: in running text a link must not be told apart by colour alone. */}
                  <TextLink href="#edit" className="underline">
                    edit its details
                  </TextLink>
                  .
                </p>
              )}
            </Card>
          ) : null}

          <Card title="Status history">
            <MeetingHistory history={meeting.history} />
          </Card>

          {can(actor, "admin") && !deleted ? (
            <Card title="Admin">
              <DeleteRecordControl id={meeting.id} noun="meeting" action={deleteMeetingAction} />
            </Card>
          ) : null}
        </aside>
      </div>

      {canEdit ? (
        <Card id="outcome" title="Log outcome" className="mt-5">
          {outcomeError ? (
            <div className="text-sm text-slate-700">
              <p>
                {outcomeError}. This meeting is {MEETING_STATUS_LABELS[meeting.status].toLowerCase()}.
              </p>
              {allowed.includes("HELD") ? (
                <p className="mt-1">
                  If it took place, <TextLink href="#change-status">change its status to Held</TextLink> first; the
                  outcome form then appears here.
                </p>
              ) : null}
            </div>
          ) : (
            <OutcomeForm
              meetingId={meeting.id}
              meetingVersion={meeting.version}
              meetingDate={meeting.date}
              agenda={agendaOptions}
              options={grievanceOptions}
            />
          )}
        </Card>
      ) : null}

      <div className={cn("mt-5 grid gap-5", canEdit && "lg:grid-cols-2")}>
        <div className="min-w-0">
          <Card title="Sources">
            <CitationList citations={meeting.citations} canEdit={canEdit} canDelete={can(actor, "admin") && !deleted} />
          </Card>
        </div>
        {canEdit ? (
          <div className="min-w-0">
            <Card id="edit" title="Edit details">
              <MeetingEditForm
                meetingId={meeting.id}
                version={meeting.version}
                title={meeting.title}
                date={toIsoDate(meeting.date)}
                venue={meeting.venue?.slug ?? ""}
                summary={meeting.summary}
                venues={venues}
              />
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
