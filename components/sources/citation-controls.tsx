"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { deleteCitationAction, restoreCitationAction, updateCitationAction } from "@/lib/actions/sources";
import { LIMITS } from "@/lib/schemas/common";
import type { Citation } from "@/lib/schemas/source";

// The controls of one quote: "Edit quote" (analysts) and "Delete quote…" (admins), each behind a
// disclosure so that they need no JavaScript and one click cannot delete; "Restore" on a deleted
// quote, where its source's page lists it for admins. The server refuses anyone else.

const DISCLOSURE = "cursor-pointer rounded-sm select-none hover:underline";

/** How a quote names its source in a form: by URL, or by title when it has none (as when it was added). */
const sourceReference = (source: Citation["source"]) => source.url ?? source.title;

export function CitationEditControl({ citation }: { citation: Pick<Citation, "id" | "version" | "quote" | "source"> }) {
  const base = `quote-${citation.id}`;
  const fields: FieldSpec[] = [
    {
      name: "quote",
      id: `${base}-text`,
      label: "Quote",
      hint: "Verbatim, as the source has it. The text it replaces is kept in the revisions.",
      rows: 3,
      initial: citation.quote,
      control: { maxLength: LIMITS.quote },
    },
    {
      name: "source",
      id: `${base}-source`,
      label: "Source",
      hint: "Its URL, or its title when it has none. A source not on record yet is added.",
      initial: sourceReference(citation.source),
      control: { maxLength: LIMITS.url, autoComplete: "off" },
    },
    {
      name: "note",
      id: `${base}-note`,
      label: "Why it changed",
      optional: true,
      hint: "Kept with the revision.",
      control: { maxLength: LIMITS.note, autoComplete: "off" },
    },
  ];
  return (
    <details className="text-sm">
      <summary className={`${DISCLOSURE} text-accent-700`}>Edit quote</summary>
      <FieldListForm
        action={updateCitationAction}
        fields={fields}
        hidden={{ id: citation.id, version: String(citation.version) }}
        label="Save quote"
        pendingLabel="Saving…"
        statusId={`${base}-status`}
        className="mt-2 max-w-xl space-y-3"
      />
    </details>
  );
}

export function CitationDeleteControl({ id }: { id: string }) {
  const { state, action, pending } = useFormAction(deleteCitationAction);
  const statusId = `quote-${id}-delete-status`;
  return (
    <details className="text-sm">
      <summary className={`${DISCLOSURE} font-medium text-red-800`}>Delete quote…</summary>
      <form action={action} aria-label="Delete quote" aria-describedby={statusId} className="mt-2 space-y-2">
        <RecordIdField id={id} />
        <p className="text-slate-700">
          Taken off this page; its revisions are kept, and an admin can restore it from its source&apos;s page.
        </p>
        <SubmitButton pending={pending} label="Yes, delete" pendingLabel="Deleting…" variant="danger" size="sm" />
        <FormFeedback id={statusId} state={state} fields={{}} />
      </form>
    </details>
  );
}

export function CitationRestoreControl({ id }: { id: string }) {
  const { state, action, pending } = useFormAction(restoreCitationAction);
  const statusId = `quote-${id}-restore-status`;
  return (
    <form action={action} aria-describedby={statusId} className="flex flex-wrap items-center gap-2 text-sm">
      <RecordIdField id={id} />
      <SubmitButton
        pending={pending}
        label={
          <>
            Restore<span className="sr-only"> quote</span>
          </>
        }
        pendingLabel="Restoring…"
        variant="secondary"
        size="sm"
      />
      <FormFeedback id={statusId} state={state} fields={{}} />
    </form>
  );
}
