"use client";

import { FormFeedback } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { formatDateTime } from "@/components/ui/format";
import type { FormAction } from "@/lib/forms/action-state";

// Delete and restore for grievances, meetings, parties and venues (admins only; the server
// refuses anyone else). The page passes the record's own action (lib/actions), so one control
// serves every noun.

type Noun = "grievance" | "meeting" | "party" | "venue";

/** "Delete grievance…" behind a disclosure, so one click cannot delete: the form inside confirms. */
export function DeleteRecordControl<T>({ id, noun, action }: { id: string; noun: Noun; action: FormAction<T> }) {
  const { state, action: formAction, pending } = useFormAction(action);
  const statusId = `delete-${noun}-status`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded-sm font-medium text-red-800 select-none hover:underline">
        Delete {noun}…
      </summary>
      <form action={formAction} aria-label={`Delete ${noun}`} aria-describedby={statusId} className="mt-2 space-y-2">
        <RecordIdField id={id} />
        <p className="text-slate-700">Hidden from every list; its history is kept and an admin can restore it.</p>
        <SubmitButton pending={pending} label="Yes, delete" pendingLabel="Deleting…" variant="danger" size="sm" />
        <FormFeedback id={statusId} state={state} fields={{}} />
      </form>
    </details>
  );
}

/** The banner over a deleted record, with its one way back. */
export function DeletedNotice<T>({
  id,
  noun,
  deletedAt,
  action,
}: {
  id: string;
  noun: Noun;
  deletedAt: string;
  action: FormAction<T>;
}) {
  const { state, action: formAction, pending } = useFormAction(action);
  const statusId = `restore-${noun}-status`;
  return (
    <section
      aria-label={`Deleted ${noun}`}
      className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
    >
      <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <RecordIdField id={id} />
        <p>
          <strong className="font-semibold">
            Deleted <time dateTime={deletedAt}>{formatDateTime(deletedAt)}</time>
          </strong>{" "}
          — hidden from lists. Its history is kept; editing is off until it is restored.
        </p>
        <SubmitButton
          pending={pending}
          label="Restore"
          pendingLabel="Restoring…"
          variant="secondary"
          size="sm"
          aria-describedby={statusId}
        />
      </form>
      <FormFeedback id={statusId} state={state} fields={{}} className="mt-2" />
    </section>
  );
}
