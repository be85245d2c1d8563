"use client";

import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import { FormFeedback } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { FormAction } from "@/lib/forms/action-state";

export type MeetingVersionFormProps<T> = {
  action: FormAction<T>;
  meetingId: string;
  /** The version the page was rendered at: the save is checked against it. */
  version: number;
  /** The fields, in form order. */
  fields: readonly FieldSpec[];
  /** What the fields hold before anything is typed, by name (the meeting as saved). */
  values?: Readonly<Record<string, string>>;
  /** What a CONFLICT says (the page then shows the other change). */
  conflictMessage: string;
  submit: { label: string; pendingLabel: string };
};

/**
 * A form that changes a meeting at the version it was loaded at (edit details, change status):
 * the meeting's id and version ride along as hidden fields, a refusal is summarized above the
 * fields, and a conflict says that someone else saved first.
 */
export function MeetingVersionForm<T>({
  action,
  meetingId,
  version,
  fields,
  values = {},
  conflictMessage,
  submit,
}: MeetingVersionFormProps<T>) {
  const form = useFormAction(action);
  return (
    <form action={form.action} onSubmit={form.onSubmit} noValidate className="space-y-3">
      <FormFeedback state={form.state} fields={targetsOf(fields)} conflictMessage={conflictMessage} />
      <RecordIdField id={meetingId} />
      <input type="hidden" name="version" value={version} />
      {/* A new version (saved, or someone else's change) starts the fields afresh: from the saved
          record, or from what was posted when the save was refused. */}
      <div key={version} className="space-y-3">
        {fields.map((spec) => (
          <FieldControl
            key={spec.name}
            spec={spec}
            error={form.errorOf(spec.name)}
            value={form.echo(spec.name) ?? values[spec.name] ?? spec.initial ?? ""}
          />
        ))}
      </div>
      <SubmitButton pending={form.pending} {...submit} />
    </form>
  );
}
