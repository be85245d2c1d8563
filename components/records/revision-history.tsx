import { EmptyText } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { DateTimeText } from "@/components/ui/values";
import type { FieldChange, Revision, RevisionAction, RevisionEntity } from "@/lib/schemas/revision";
import { fieldLabel, valueText } from "./revision-values";

// A record's revisions as a reader checks them: when, by whom, and each field before → after.
// Short values sit on one line; long text (a description, a note) gets a block each for before
// and after, since a diff of paragraphs on one line cannot be read.

const ACTIONS: Record<RevisionAction, string> = {
  create: "Created",
  edit: "Edited",
  delete: "Deleted",
  restore: "Restored",
  merge: "Merged",
};

/** What a revision of a record the page's record owns is about ("Agenda note"). */
const OWNED: Partial<Record<RevisionEntity, string>> = {
  agendaItem: "Agenda note",
  citation: "Quote",
};

/**
 * A note's or quote's links to its meeting and grievance are ids, and the page it is listed on is
 * one of them: the revision still keeps them (and the API serves them), the page leaves them out.
 */
function shown(revision: Revision, entity: RevisionEntity, change: FieldChange): boolean {
  return revision.entity === entity || !/Id$/.test(change.field);
}

type Value = FieldChange["before"];

const LONG = 80;

function ValueText({ field, value }: { field: string; value: Value }) {
  const text = valueText(field, value);
  return text ? <span className="text-slate-900">{text}</span> : <span className="text-slate-500">none</span>;
}

function Change({ change, created }: { change: FieldChange; created: boolean }) {
  const before = valueText(change.field, change.before);
  const after = valueText(change.field, change.after);
  const label = <span className="text-slate-600">{fieldLabel(change.field)}</span>;
  if (before.length > LONG || after.length > LONG || before.includes("\n") || after.includes("\n")) {
    return (
      <li className="space-y-1">
        {label}
        <div className={created ? "" : "grid gap-2 sm:grid-cols-2"}>
          {created ? null : (
            <blockquote className="rounded border border-slate-200 bg-slate-50 px-2 py-1 whitespace-pre-line text-slate-700">
              <span className="sr-only">Before: </span>
              {before || <span className="text-slate-500">none</span>}
            </blockquote>
          )}
          <blockquote className="rounded border border-slate-200 px-2 py-1 whitespace-pre-line text-slate-900">
            {created ? null : <span className="sr-only">After: </span>}
            {after || <span className="text-slate-500">none</span>}
          </blockquote>
        </div>
      </li>
    );
  }
  return (
    <li>
      {label}{" "}
      {created ? null : (
        <>
          <ValueText field={change.field} value={change.before} /> <span aria-hidden="true">→</span>
          <span className="sr-only">became</span>{" "}
        </>
      )}
      <ValueText field={change.field} value={change.after} />
    </li>
  );
}

/** The "Revisions" section of a record's page, oldest first; `entity` is the page's own kind. */
export function RevisionHistory({ revisions, entity }: { revisions: Revision[]; entity: RevisionEntity }) {
  return (
    <Section id="revisions" title="Revisions" detail="oldest first">
      {revisions.length === 0 ? (
        <EmptyText>No revisions recorded.</EmptyText>
      ) : (
        <ol aria-labelledby="revisions-heading" className="rounded-md border border-slate-200 bg-white px-3 text-sm">
          {revisions.map((revision) => (
            <li
              key={revision.id}
              className="grid grid-cols-[9.5rem_minmax(0,1fr)] gap-x-4 border-b border-slate-100 py-2.5 last:border-b-0"
            >
              <div className="pt-0.5 text-xs whitespace-nowrap text-slate-600">
                <DateTimeText value={revision.at} />
              </div>
              <div className="min-w-0 space-y-1">
                <p>
                  {revision.entity !== entity && OWNED[revision.entity] ? (
                    <span className="mr-1 text-slate-600">{OWNED[revision.entity]}:</span>
                  ) : null}
                  <span className="font-medium text-slate-900">{ACTIONS[revision.action]}</span>{" "}
                  <span className="text-slate-600">
                    by {revision.seed ? "seed" : (revision.actor?.name ?? "the system")}
                  </span>
                </p>
                {revision.changes.length ? (
                  <ul className="space-y-1">
                    {revision.changes
                      .filter((change) => shown(revision, entity, change))
                      .map((change) => (
                        <Change key={change.field} change={change} created={revision.action === "create"} />
                      ))}
                  </ul>
                ) : null}
                {revision.note ? <p className="text-xs text-slate-600">Note: {revision.note}</p> : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
