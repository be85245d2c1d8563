import type { Metadata } from "next";
import { requirePageActor } from "@/lib/server/session";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChangeStatusControl, LiveStatusBadge, LiveTimelineEntry } from "@/components/grievances/change-status";
import { PartyFlow } from "@/components/grievances/party-flow";
import { SourceLine } from "@/components/grievances/source-line";
import { DeleteRecordControl, DeletedNotice } from "@/components/records/soft-delete";
import { TimelineEntry } from "@/components/grievances/timeline-entry";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDate, formatDateTime, toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { isAppError } from "@/lib/errors";
import { GRIEVANCE_CATEGORY_LABELS } from "@/lib/schemas/enums";
import type { GrievanceDetail } from "@/lib/schemas/grievance";
import { getGrievanceOrThrow } from "@/lib/server/grievances";
import { can } from "@/lib/server/authz";
import { listMeetingOptions } from "@/lib/server/meetings";
import { deleteGrievanceAction, restoreGrievanceAction } from "../actions";
import { grievanceListHref } from "../list-url";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

const LINK = "text-accent-700 hover:text-accent-900 hover:underline";

/** One read per request, shared by the metadata and the page; NOT_FOUND becomes the 404 page. */
const loadGrievance = cache(async (id: string): Promise<GrievanceDetail> => {
  const actor = await requirePageActor();
  try {
    return await getGrievanceOrThrow(actor, id);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION_FAILED")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const grievance = await loadGrievance((await params).id);
  return { title: grievance.title };
}

export default async function GrievancePage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const canWrite = can(actor, "write");
  const [grievance, meetings] = await Promise.all([loadGrievance(id), canWrite ? listMeetingOptions(actor) : []]);
  // A deleted grievance can only be restored, not edited; viewers are not offered edits at all.
  const deleted = grievance.deletedAt !== null;
  const canEdit = canWrite && !deleted;
  const isAdmin = can(actor, "admin");
  const snapshot = { id: grievance.id, status: grievance.status, version: grievance.version };
  const first = grievance.history[0];
  // The meetings that discussed it, from the agenda and from any history entry naming one.
  const discussed = new Map<string, { id: string; title: string; date: string | null }>();
  for (const a of grievance.agenda) discussed.set(a.meetingId, a.meeting);
  for (const h of grievance.history) if (h.meeting) discussed.set(h.meeting.id, h.meeting);
  const discussedList = [...discussed.values()].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const newestFirst = [...grievance.history].reverse();

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-600">
        <Link href={grievanceListHref()} className={LINK}>
          Grievances
        </Link>
        <span aria-hidden="true"> / </span>
        <span>{GRIEVANCE_CATEGORY_LABELS[grievance.category]}</span>
      </nav>

      {grievance.deletedAt ? (
        <DeletedNotice
          id={grievance.id}
          noun="grievance"
          deletedAt={grievance.deletedAt}
          action={restoreGrievanceAction}
        />
      ) : null}

      <header className="mb-5 border-b border-slate-200 pb-4">
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div className="min-w-0">
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">{grievance.title}</h1>
            <p className="mt-1 text-sm text-slate-600">
              <PartyFlow raisedBy={grievance.raisedBy} addressedTo={grievance.addressedTo} link />
              <span aria-hidden="true"> · </span>
              <span className="sr-only">, </span>
              {GRIEVANCE_CATEGORY_LABELS[grievance.category]}
              {first ? (
                <>
                  <span aria-hidden="true"> · </span>
                  <span className="sr-only">, </span>
                  first raised <time dateTime={toIsoDate(first.at)}>{formatDate(first.at)}</time>
                  {first.meeting ? (
                    <>
                      {", "}
                      <Link href={`/meetings/${first.meeting.id}`} className={LINK}>
                        {first.meeting.title}
                      </Link>
                    </>
                  ) : null}
                </>
              ) : null}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-2">
            <span className="mr-1 text-sm">
              <span className="sr-only">Status: </span>
              <LiveStatusBadge snapshot={snapshot} />
            </span>
            {canEdit ? (
              <>
                <ChangeStatusControl snapshot={snapshot} meetings={meetings} />
                <ButtonLink href={`/grievances/${grievance.id}/edit`} variant="ghost">
                  Edit
                </ButtonLink>
              </>
            ) : null}
          </div>
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <aside className="space-y-4 lg:col-start-2 lg:row-start-1" aria-label="Facts">
          <Card title="Facts">
            <DefinitionList
              items={[
                { term: "Raised by", value: <PartyNames parties={grievance.raisedBy} /> },
                { term: "Addressed to", value: <PartyNames parties={grievance.addressedTo} /> },
                {
                  term: "Category",
                  value: (
                    <Link href={grievanceListHref({ category: [grievance.category] })} className={LINK}>
                      {GRIEVANCE_CATEGORY_LABELS[grievance.category]}
                    </Link>
                  ),
                },
                {
                  term: "Meetings",
                  value: discussedList.length ? (
                    <>
                      {discussedList.length}
                      <ul className="mt-0.5 space-y-0.5">
                        {discussedList.map((m) => (
                          <li key={m.id}>
                            <Link href={`/meetings/${m.id}`} className={LINK}>
                              {m.title}
                            </Link>
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
          {isAdmin && !deleted ? (
            <Card title="Admin">
              <DeleteRecordControl id={grievance.id} noun="grievance" action={deleteGrievanceAction} />
            </Card>
          ) : null}
        </aside>
        <div className="min-w-0 space-y-6 lg:col-start-1 lg:row-start-1">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="mb-1.5 text-sm font-semibold text-slate-900">
              Description
            </h2>
            {grievance.description ? (
              <div className="max-w-prose space-y-2 text-sm leading-relaxed whitespace-pre-line text-slate-800">
                {grievance.description}
              </div>
            ) : (
              <p className="text-sm text-slate-500">No description yet.</p>
            )}
          </section>

          <section aria-labelledby="sources-heading">
            <h2 id="sources-heading" className="mb-1.5 text-sm font-semibold text-slate-900">
              Sources
            </h2>
            {grievance.citations.length ? (
              <ul className="space-y-3">
                {grievance.citations.map((c, i) => (
                  <li key={i}>
                    <figure>
                      <blockquote className="max-w-prose border-l-2 border-slate-300 pl-3 text-sm text-slate-800 italic">
                        “{c.quote}”
                      </blockquote>
                      <figcaption className="mt-1 pl-3 text-xs text-slate-600">
                        — <SourceLine source={c.source} />
                      </figcaption>
                    </figure>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">No quoted sources.</p>
            )}
          </section>

          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading" className="mb-1.5 text-sm font-semibold text-slate-900">
              Agenda
            </h2>
            {grievance.agenda.length ? (
              <Table caption="Meetings that discussed this grievance" captionHidden>
                <THead>
                  <tr>
                    <Th>Date</Th>
                    <Th>Meeting</Th>
                    <Th>Note</Th>
                    <Th>Status after</Th>
                  </tr>
                </THead>
                <TBody>
                  {grievance.agenda.map((a) => (
                    <Tr key={a.meetingId}>
                      <Td muted className="whitespace-nowrap">
                        {a.meeting.date ? (
                          <time dateTime={toIsoDate(a.meeting.date)}>{formatDate(a.meeting.date)}</time>
                        ) : (
                          formatDate(null)
                        )}
                      </Td>
                      <Td className="min-w-40">
                        <Link href={`/meetings/${a.meetingId}`} className={LINK}>
                          {a.meeting.title}
                        </Link>
                      </Td>
                      <Td className="min-w-56">{a.note || <span className="text-slate-500">—</span>}</Td>
                      <Td>
                        {a.statusAfter ? (
                          <GrievanceStatusBadge status={a.statusAfter} />
                        ) : (
                          <span className="text-slate-500">no change</span>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            ) : (
              <p className="text-sm text-slate-500">Not on any meeting&apos;s agenda yet.</p>
            )}
          </section>

          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading" className="mb-1.5 text-sm font-semibold text-slate-900">
              Timeline <span className="font-normal text-slate-600">· newest first</span>
            </h2>
            <ol aria-labelledby="timeline-heading" className="rounded-md border border-slate-200 bg-white px-3 text-sm">
              <LiveTimelineEntry snapshot={snapshot} />
              {newestFirst.map((entry) => (
                <TimelineEntry key={entry.id} item={entry} />
              ))}
            </ol>
          </section>
        </div>
      </div>
    </>
  );
}

function PartyNames({ parties }: { parties: GrievanceDetail["raisedBy"] }) {
  if (parties.length === 0) return null;
  return (
    <ul>
      {parties.map((p) => (
        <li key={p.slug}>
          <Link href={`/parties/${p.slug}`} className={LINK}>
            {p.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
