import { nullIfNotFound, pageAsOf, recordPage, type RecordPageProps } from "@/app/page-data";
import { ChangeStatusControl, LiveStatusBadge, LiveTimelineEntry } from "@/components/grievances/change-status";
import { PartyFlow, PartyLinkList } from "@/components/grievances/party-flow";
import { TimelineEntry } from "@/components/grievances/timeline-entry";
import { CitationList } from "@/components/meetings/citation-list";
import { AsOfBanner } from "@/components/records/as-of-banner";
import { ExportLinks } from "@/components/records/export-links";
import { RevisionHistory } from "@/components/records/revision-history";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { dateColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { DefinitionList } from "@/components/ui/definition-list";
import { EmptyState, EmptyText } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { TextLink } from "@/components/ui/text-link";
import { Dash, DateText } from "@/components/ui/values";
import { deleteGrievanceAction, restoreGrievanceAction } from "@/lib/actions/grievances";
import { grievanceListHref } from "@/lib/grievance-list-url";
import { GRIEVANCE_CATEGORY_LABELS } from "@/lib/schemas/enums";
import type { GrievanceDetail } from "@/lib/schemas/grievance";
import { can } from "@/lib/server/authz";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { listMeetingOptions } from "@/lib/server/meetings";
import { listRevisions } from "@/lib/server/revisions";

export const dynamic = "force-dynamic";

const grievancePage = recordPage("id", getGrievanceOrThrow);
export const generateMetadata = grievancePage.titled((grievance) => grievance.title);

type Agenda = GrievanceDetail["agenda"][number];

type GrievancePageProps = RecordPageProps<"id"> & {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function GrievancePage(props: GrievancePageProps) {
  const { actor, record: live } = await grievancePage.load(props);
  // As of a past day: the grievance replayed from its dated moves, read only; null if it had not
  // been raised by then.
  const asOf = await pageAsOf(props.searchParams);
  const replayed = asOf ? await getGrievanceOrThrow(actor, live.id, { asOf }).catch(nullIfNotFound) : undefined;
  const asOfBanner = asOf ? <AsOfBanner asOf={asOf} todayHref={`/grievances/${live.id}`} /> : null;
  if (replayed === null) {
    const raised = live.history.find((entry) => entry.from === null) ?? live.history[0];
    return (
      <>
        <PageHeader
          breadcrumb={{ href: grievanceListHref({ asOf }), label: "Grievances" }}
          banner={asOfBanner}
          title={live.title}
        />
        <EmptyState
          title={`Not raised yet by ${formatDate(asOf)}.`}
          description={raised ? `This grievance was first raised on ${formatDate(raised.at)}.` : undefined}
          action={<ButtonLink href={`/grievances/${live.id}`}>Back to today</ButtonLink>}
        />
      </>
    );
  }
  const grievance = replayed ?? live;
  // Linked from a meeting's agenda: that meeting is the status dialog's preselected one.
  const { meeting } = await props.searchParams;
  const fromMeeting = typeof meeting === "string" ? meeting : undefined;
  // A deleted grievance can only be restored, not edited; viewers are not offered edits at all.
  const deleted = grievance.deletedAt !== null;
  const canEdit = can(actor, "write") && !deleted && !asOf;
  const snapshot = { id: grievance.id, status: grievance.status, version: grievance.version };
  // The entry that raised it (the timeline sorts by date, so a move dated earlier may precede it).
  const first = grievance.history.find((entry) => entry.from === null);
  const category = GRIEVANCE_CATEGORY_LABELS[grievance.category];
  // The meetings that discussed it, from the agenda and from any history entry naming one.
  const discussed = new Map<string, { id: string; title: string; date: string | null }>();
  for (const a of grievance.agenda) discussed.set(a.meetingId, a.meeting);
  for (const h of grievance.history) if (h.meeting) discussed.set(h.meeting.id, h.meeting);
  // The picker: the latest meetings, plus the one the analyst came from and those that discussed it.
  const meetings = canEdit ? await listMeetingOptions(actor, [fromMeeting, ...discussed.keys()]) : [];
  const discussedList = [...discussed.values()].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const newestFirst = [...grievance.history].reverse();
  const separator = (
    <>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, </span>
    </>
  );

  return (
    <>
      <PageHeader
        breadcrumb={{ href: grievanceListHref({ asOf }), label: "Grievances", trail: <span>{category}</span> }}
        banner={
          asOfBanner ??
          (grievance.deletedAt ? (
            <DeletedNotice
              id={grievance.id}
              noun="grievance"
              deletedAt={grievance.deletedAt}
              action={restoreGrievanceAction}
            />
          ) : null)
        }
        title={grievance.title}
        subtitle={
          <>
            <PartyFlow raisedBy={grievance.raisedBy} addressedTo={grievance.addressedTo} link />
            {separator}
            {category}
            {first ? (
              <>
                {separator}
                first raised <DateText value={first.at} />
                {first.meeting ? (
                  <>
                    {", "}
                    <TextLink href={`/meetings/${first.meeting.id}`}>{first.meeting.title}</TextLink>
                  </>
                ) : null}
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <span className="mr-1 text-sm">
              <span className="sr-only">Status: </span>
              {/* The live badge follows today's status; a replay shows the status it replayed. */}
              {asOf ? <GrievanceStatusBadge status={grievance.status} /> : <LiveStatusBadge snapshot={snapshot} />}
            </span>
            {canEdit ? (
              <>
                <ChangeStatusControl snapshot={snapshot} meetings={meetings} fromMeetingId={fromMeeting} />
                <ButtonLink href={`/grievances/${grievance.id}/edit`} variant="ghost">
                  Edit
                </ButtonLink>
              </>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <aside className="space-y-4 lg:col-start-2 lg:row-start-1" aria-label="Facts">
          <Card title="Facts">
            <DefinitionList
              items={[
                { term: "Raised by", value: <PartyLinkList parties={grievance.raisedBy} /> },
                { term: "Addressed to", value: <PartyLinkList parties={grievance.addressedTo} /> },
                {
                  term: "Category",
                  value: <TextLink href={grievanceListHref({ category: [grievance.category] })}>{category}</TextLink>,
                },
                {
                  term: "Meetings",
                  value: discussedList.length ? (
                    <>
                      {discussedList.length}
                      <ul className="mt-0.5 space-y-0.5">
                        {discussedList.map((m) => (
                          <li key={m.id}>
                            <TextLink href={`/meetings/${m.id}`}>{m.title}</TextLink>
                            {m.date ? <span className="text-slate-600">, {formatDate(m.date)}</span> : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    "none yet"
                  ),
                },
                { term: "Last moved", value: formatDate(grievance.lastMovedAt) },
                { term: "Updated", value: formatDateTime(grievance.updatedAt) },
                { term: "Version", value: <span className="tabular-nums">{grievance.version}</span> },
              ]}
            />
          </Card>
          {can(actor, "admin") && !deleted ? (
            <Card title="Admin">
              <DeleteRecordControl id={grievance.id} noun="grievance" action={deleteGrievanceAction} />
            </Card>
          ) : null}
        </aside>
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1">
          <Section id="description" title="Description">
            {grievance.description ? (
              <div className="max-w-prose space-y-2 text-sm leading-relaxed whitespace-pre-line text-slate-800">
                {grievance.description}
              </div>
            ) : (
              <EmptyText>No description yet.</EmptyText>
            )}
          </Section>

          <Section id="sources" title="Sources">
            <CitationList
              citations={grievance.citations}
              canEdit={canEdit}
              canDelete={can(actor, "admin") && !deleted && !asOf}
            />
          </Section>

          <Section id="agenda" title="Agenda">
            <DataTable
              caption="Meetings that discussed this grievance"
              rows={grievance.agenda}
              empty={<EmptyText>Not on any meeting&apos;s agenda yet.</EmptyText>}
              rowKey={(a) => a.meetingId}
              columns={[
                dateColumn<Agenda>("Date", (a) => a.meeting.date),
                {
                  header: "Meeting",
                  className: "min-w-40",
                  cell: (a) => <TextLink href={`/meetings/${a.meetingId}`}>{a.meeting.title}</TextLink>,
                },
                { header: "Note", className: "min-w-56", cell: (a) => a.note || <Dash /> },
                {
                  header: "Status after",
                  cell: (a) =>
                    a.statusAfter ? (
                      <GrievanceStatusBadge status={a.statusAfter} />
                    ) : (
                      <span className="text-slate-500">no change</span>
                    ),
                },
              ]}
            />
          </Section>

          <Section id="timeline" title="Timeline" detail="newest first">
            {/* The file lists the moves oldest first, as the API's history does. */}
            <ExportLinks
              href={`/api/v1/grievances/${grievance.id}/history${asOf ? `?asOf=${asOf}` : ""}`}
              what="the timeline"
            />
            <ol aria-labelledby="timeline-heading" className="rounded-md border border-slate-200 bg-white px-3 text-sm">
              {asOf ? null : <LiveTimelineEntry snapshot={snapshot} />}
              {newestFirst.map((entry) => (
                <TimelineEntry key={entry.id} item={entry} />
              ))}
            </ol>
          </Section>

          <RevisionHistory entity="grievance" revisions={await listRevisions(actor, "grievance", grievance.id)} />
        </div>
      </div>
    </>
  );
}
