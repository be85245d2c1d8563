"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import type { FormState } from "@/lib/form-state";

// Delete and restore for grievances and meetings (admins only; the server refuses anyone else).
// The id travels in a hidden input and the action arrives unbound from the server page: binding
// a server action inside a client component trips vercel/next.js#98045.

export type RecordAction = (previous: FormState, formData: FormData) => Promise<FormState>;

type Noun = "grievance" | "meeting";

const IDLE: FormState = { status: "idle" };

function errorOf(state: FormState): string | undefined {
  return state.status === "error" ? state.formError : undefined;
}

/** "Delete grievance…" behind a disclosure, so one click cannot delete: the form inside confirms. */
export function DeleteRecordControl({ id, noun, action }: { id: string; noun: Noun; action: RecordAction }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const statusId = `delete-${noun}-status`;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded-sm font-medium text-red-800 select-none hover:underline">
        Delete {noun}…
      </summary>
      <form action={formAction} aria-label={`Delete ${noun}`} aria-describedby={statusId} className="mt-2 space-y-2">
        <input type="hidden" name="id" value={id} />
        <p className="text-slate-700">Hidden from every list; its history is kept and an admin can restore it.</p>
        <Button type="submit" variant="danger" size="sm" disabled={pending}>
          {pending ? "Deleting…" : "Yes, delete"}
        </Button>
        <FormStatus id={statusId} message={errorOf(state)} />
      </form>
    </details>
  );
}

/** The banner over a deleted record, with its one way back. */
export function DeletedNotice({
  id,
  noun,
  deletedAt,
  action,
}: {
  id: string;
  noun: Noun;
  deletedAt: string;
  action: RecordAction;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const statusId = `restore-${noun}-status`;
  return (
    <section
      aria-label={`Deleted ${noun}`}
      className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
    >
      <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <input type="hidden" name="id" value={id} />
        <p>
          <strong className="font-semibold">
            Deleted <time dateTime={deletedAt}>{formatDateTime(deletedAt)}</time>
          </strong>{" "}
          — hidden from lists. Its history is kept; editing is off until it is restored.
        </p>
        <Button type="submit" size="sm" disabled={pending} aria-describedby={statusId}>
          {pending ? "Restoring…" : "Restore"}
        </Button>
      </form>
      <FormStatus id={statusId} message={errorOf(state)} className="mt-2 empty:mt-0" />
    </section>
  );
}
