"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { createViewAction, deleteViewAction, updateViewAction } from "@/lib/actions/views";

// The saved-view forms. Each is a plain form posting to its server action, so it works without
// JavaScript; the server decides who may change a view.

const DISCLOSURE = "cursor-pointer rounded-sm select-none hover:underline";
const NAME_MAX = 120;

const SHARING = [
  { value: "0", label: "Personal: only I see it" },
  { value: "1", label: "Shared with the team" },
];

/** "Save this view" on the grievance list: names the filters the list shows now. */
export function SaveViewForm({ query }: { query: string }) {
  const fields: FieldSpec[] = [
    { name: "name", id: "save-view-name", label: "Name", control: { maxLength: NAME_MAX, autoComplete: "off" } },
    { name: "shared", id: "save-view-shared", label: "Who sees it", options: SHARING, initial: "0" },
  ];
  return (
    <details className="text-sm">
      <summary className={`${DISCLOSURE} text-accent-700`}>Save this view</summary>
      <FieldListForm
        action={createViewAction}
        fields={fields}
        hidden={{ query }}
        label="Save view"
        pendingLabel="Saving…"
        statusId="save-view-status"
        className="mt-2 max-w-md space-y-3"
      />
    </details>
  );
}

type ViewRef = { id: string; name: string; version: number; shared: boolean };

export function RenameViewForm({ view }: { view: ViewRef }) {
  const base = `view-${view.id}`;
  return (
    <details className="text-sm">
      <summary className={`${DISCLOSURE} text-accent-700`}>Rename</summary>
      <FieldListForm
        action={updateViewAction}
        fields={[
          {
            name: "name",
            id: `${base}-name`,
            label: "New name",
            initial: view.name,
            control: { maxLength: NAME_MAX, autoComplete: "off" },
          },
        ]}
        hidden={{ id: view.id, version: String(view.version) }}
        label="Save name"
        pendingLabel="Saving…"
        statusId={`${base}-rename-status`}
        className="mt-2 max-w-md space-y-3"
      />
    </details>
  );
}

export function ShareViewForm({ view }: { view: ViewRef }) {
  const { state, action, pending } = useFormAction(updateViewAction);
  const statusId = `view-${view.id}-share-status`;
  return (
    <form action={action} aria-label={`Sharing of ${view.name}`} aria-describedby={statusId} className="text-sm">
      <RecordIdField id={view.id} />
      <input type="hidden" name="version" value={view.version} />
      <input type="hidden" name="shared" value={view.shared ? "0" : "1"} />
      <SubmitButton
        pending={pending}
        label={view.shared ? "Make personal" : "Share with the team"}
        pendingLabel="Saving…"
        size="sm"
      />
      <FormFeedback id={statusId} state={state} fields={{}} />
    </form>
  );
}

export function DeleteViewForm({ view }: { view: ViewRef }) {
  const { state, action, pending } = useFormAction(deleteViewAction);
  const statusId = `view-${view.id}-delete-status`;
  return (
    <details className="text-sm">
      <summary className={`${DISCLOSURE} font-medium text-red-800`}>Delete…</summary>
      <form action={action} aria-label={`Delete ${view.name}`} aria-describedby={statusId} className="mt-2 space-y-2">
        <RecordIdField id={view.id} />
        <input type="hidden" name="version" value={view.version} />
        <p className="text-slate-700">Its link will say it was deleted. No grievance changes.</p>
        <SubmitButton pending={pending} label="Yes, delete" pendingLabel="Deleting…" variant="danger" size="sm" />
        <FormFeedback id={statusId} state={state} fields={{}} />
      </form>
    </details>
  );
}
