import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate, formatNumber, toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge, MeetingStatusBadge } from "@/components/ui/status-badge";
import { CitationList } from "@/components/meetings/citation-list";
import { MeetingEditForm } from "@/components/meetings/meeting-edit-form";
import { MeetingHistory } from "@/components/meetings/meeting-history";
import { MeetingStatusForm } from "@/components/meetings/meeting-status-form";
import { OutcomeForm } from "@/components/meetings/outcome-form";
import { ParticipantsDetailed } from "@/components/meetings/participants";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { isAppError } from "@/lib/errors";
import {
  changeMeetingStatusAction,
  deleteMeetingAction,
  logMeetingOutcomeAction,
  restoreMeetingAction,
  updateMeetingAction,
} from "../actions";
import { MEETING_STATUS_LABELS } from "@/lib/schemas/enums";
import { can } from "@/lib/server/authz";
import { listGrievanceOptions } from "@/lib/server/grievances";
import { getMeetingOrThrow } from "@/lib/server/meetings";
import { listVenues } from "@/lib/server/venues";
import { allowedMeetingTransitions, outcomeMeetingError } from "@/lib/status-rules";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

// Metadata and page read the same meeting once per request.
const loadMeeting = cache(async (id: string) => {
  const actor = await requirePageActor();
  try {
    return await getMeetingOrThrow(actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const meeting = await loadMeeting((await params).id);
  return { title: meeting.title };
}

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

/** A card that the header's buttons link to (#outcome, #change-status, #edit). */
function Panel({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={cn("scroll-mt-16 rounded-md border border-slate-200 bg-white", className)}
    >
      <h2 id={`${id}-heading`} className="border-b border-slate-200 px-4 py-2.5 text-sm font-semibold text-slate-900">
        {title}
      </h2>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

export default async function MeetingPage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const canWrite = can(actor, "write");
  const [meeting, grievanceOptions, venues] = await Promise.all([
    loadMeeting(id),
    canWrite ? listGrievanceOptions(actor) : [],
    canWrite ? listVenues(actor) : [],
  ]);
  // A deleted meeting can only be restored, not edited; viewers are not offered edits at all.
  const deleted = meeting.deletedAt !== null;
  const canEdit = canWrite && !deleted;
  const isAdmin = can(actor, "admin");

  const allowed = allowedMeetingTransitions(meeting.status);
  const outcomeError = outcomeMeetingError(meeting.status);
  const agendaOptions = meeting.agenda.map((a) => ({
    id: a.grievance.id,
    title: a.grievance.title,
    status: a.grievance.status,
    version: a.grievance.version,
  }));

  return (
    <>
      {meeting.deletedAt ? (
        <DeletedNotice id={meeting.id} noun="meeting" deletedAt={meeting.deletedAt} action={restoreMeetingAction} />
      ) : null}
      <header className="mb-5 border-b border-slate-200 pb-4">
        <p className="mb-1 text-xs text-slate-600">
          <Link href="/meetings" className={LINK}>
            Meetings
          </Link>
          <span aria-hidden="true"> /</span>
        </p>
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{meeting.title}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
              {meeting.date ? (
                <time dateTime={toIsoDate(meeting.date)}>{formatDate(meeting.date)}</time>
              ) : (
                <span>Date unknown</span>
              )}
              <span aria-hidden="true" className="text-slate-400">
                ·
              </span>
              {meeting.venue ? (
                <Link href={`/venues/${meeting.venue.slug}`} className={LINK}>
                  {meeting.venue.name}, {meeting.venue.city}
                </Link>
              ) : (
                <span>Venue unknown</span>
              )}
              <span aria-hidden="true" className="text-slate-400">
                ·
              </span>
              <MeetingStatusBadge status={meeting.status} />
            </p>
          </div>
          {canEdit ? (
            <div className="flex shrink-0 flex-wrap gap-2">
              {outcomeError ? null : (
                <ButtonLink href="#outcome" variant="primary">
                  Log outcome
                </ButtonLink>
              )}
              {allowed.length ? <ButtonLink href="#change-status">Change status</ButtonLink> : null}
              <ButtonLink href="#edit">Edit details</ButtonLink>
            </div>
          ) : null}
        </div>
        <section aria-labelledby="participants-heading" className="mt-4">
          <h2 id="participants-heading" className="mb-2 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Participants
          </h2>
          <ParticipantsDetailed participants={meeting.participants} />
        </section>
      </header>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-5">
          <Card title="Summary">
            {meeting.summary ? (
              <div className="max-w-3xl space-y-2 text-sm leading-relaxed whitespace-pre-line text-slate-800">
                {meeting.summary}
              </div>
            ) : (
              <p className="text-sm text-slate-600">No summary yet.</p>
            )}
          </Card>

          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading" className="mb-2 text-sm font-semibold text-slate-900">
              Agenda{" "}
              <span className="font-normal text-slate-600">
                · {formatNumber(meeting.agenda.length)} {meeting.agenda.length === 1 ? "grievance" : "grievances"}
              </span>
            </h2>
            {meeting.agenda.length === 0 ? (
              <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">
                No grievances recorded for this meeting yet.
              </p>
            ) : (
              <Table caption="Grievances discussed at this meeting" captionHidden>
                <THead>
                  <tr>
                    <Th>Grievance</Th>
                    <Th>Status now</Th>
                    <Th>After this meeting</Th>
                    <Th>Note</Th>
                  </tr>
                </THead>
                <TBody>
                  {meeting.agenda.map((a) => (
                    <Tr key={a.grievance.id}>
                      <Td className="min-w-48">
                        <Link href={`/grievances/${a.grievance.id}`} className={`font-medium ${LINK}`}>
                          {a.grievance.title}
                        </Link>
                      </Td>
                      <Td>
                        <GrievanceStatusBadge status={a.grievance.status} />
                      </Td>
                      <Td>
                        {a.statusAfter ? (
                          <GrievanceStatusBadge status={a.statusAfter} />
                        ) : (
                          <span className="text-slate-600">no change</span>
                        )}
                      </Td>
                      <Td className="min-w-64 text-slate-800">{a.note}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </section>
        </div>

        <aside className="min-w-0 space-y-5" aria-label="Facts and changes">
          <Card title="Facts">
            <DefinitionList
              items={[
                { term: "Date", value: meeting.date ? formatDate(meeting.date) : "unknown" },
                {
                  term: "Venue",
                  value: meeting.venue ? (
                    <Link href={`/venues/${meeting.venue.slug}`} className={LINK}>
                      {meeting.venue.name}
                    </Link>
                  ) : null,
                },
                { term: "Place", value: meeting.venue ? `${meeting.venue.city}, ${meeting.venue.country}` : null },
                { term: "Status", value: <MeetingStatusBadge status={meeting.status} /> },
                {
                  term: "Agenda",
                  value:
                    meeting.agenda.length > 0 ? (
                      <Link href={`/grievances?meeting=${encodeURIComponent(meeting.id)}`} className={LINK}>
                        {formatNumber(meeting.agenda.length)} {meeting.agenda.length === 1 ? "grievance" : "grievances"}
                      </Link>
                    ) : (
                      "none yet"
                    ),
                },
                { term: "Version", value: formatNumber(meeting.version) },
              ]}
            />
          </Card>

          {canEdit ? (
            <Panel id="change-status" title="Change status">
              {allowed.length ? (
                <MeetingStatusForm
                  action={changeMeetingStatusAction.bind(null, meeting.id)}
                  version={meeting.version}
                  allowed={allowed}
                />
              ) : (
                <p className="text-sm text-slate-700">
                  A held meeting stays held: its outcomes hang on it. To correct a mistaken entry,{" "}
                  <Link href="#edit" className={LINK}>
                    edit its details
                  </Link>
                  .
                </p>
              )}
            </Panel>
          ) : null}

          <Card title="Status history">
            <MeetingHistory history={meeting.history} />
          </Card>

          {isAdmin && !deleted ? (
            <Card title="Admin">
              <DeleteRecordControl id={meeting.id} noun="meeting" action={deleteMeetingAction} />
            </Card>
          ) : null}
        </aside>
      </div>

      {canEdit ? (
        <Panel id="outcome" title="Log outcome" className="mt-5">
          {outcomeError ? (
            <div className="text-sm text-slate-700">
              <p>
                {outcomeError}. This meeting is {MEETING_STATUS_LABELS[meeting.status].toLowerCase()}.
              </p>
              {allowed.includes("HELD") ? (
                <p className="mt-1">
                  If it took place,{" "}
                  <Link href="#change-status" className={LINK}>
                    change its status to Held
                  </Link>{" "}
                  first; the outcome form then appears here.
                </p>
              ) : null}
            </div>
          ) : (
            <OutcomeForm
              // Bound here, on the server: see OutcomeFormProps.action.
              action={logMeetingOutcomeAction.bind(null, meeting.id)}
              meetingVersion={meeting.version}
              agenda={agendaOptions}
              options={grievanceOptions}
            />
          )}
        </Panel>
      ) : null}

      <div className={cn("mt-5 grid gap-5", canEdit && "lg:grid-cols-2")}>
        <div className="min-w-0">
          <Card title="Sources">
            <CitationList citations={meeting.citations} />
          </Card>
        </div>
        {canEdit ? (
          <div className="min-w-0">
            <Panel id="edit" title="Edit details">
              <MeetingEditForm
                action={updateMeetingAction.bind(null, meeting.id)}
                version={meeting.version}
                title={meeting.title}
                date={toIsoDate(meeting.date)}
                venue={meeting.venue?.slug ?? ""}
                summary={meeting.summary}
                venues={venues}
              />
            </Panel>
          </div>
        ) : null}
      </div>
    </>
  );
}
