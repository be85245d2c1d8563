"use client";

import { useActionState } from "react";
import { echoed, type EchoFormState } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { Field, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import { MEETING_STATUS_LABELS, type MeetingStatus } from "@/lib/schemas/enums";
import { FormFeedback } from "./form-feedback";
import { useSubmitWithoutReset } from "./use-submit-without-reset";

export type MeetingStatusFormProps = {
  /** changeMeetingStatusAction bound to the meeting in the server component (see OutcomeForm). */
  action: (prev: EchoFormState, formData: FormData) => Promise<EchoFormState>;
  version: number;
  /** The statuses this meeting may move to now (allowedMeetingTransitions). */
  allowed: readonly MeetingStatus[];
};

const INITIAL: EchoFormState = { status: "idle" };

const FIELDS = {
  status: { htmlFor: "status-new", label: "New status" },
  reason: { htmlFor: "status-reason", label: "Reason" },
  sourceUrl: { htmlFor: "status-source", label: "Source URL" },
};

/** Moves the meeting's status: only the moves the rules allow, with a reason and an optional source. */
export function MeetingStatusForm({ action, version, allowed }: MeetingStatusFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormFeedback
        state={state}
        fields={FIELDS}
        conflictMessage="Nothing was changed: someone else changed this meeting after you opened the page. The page now shows their change; choose again if your change still applies"
      />
      <input type="hidden" name="version" value={version} />
      {/* A new version (saved, or someone else's change) starts the fields afresh, from what was
          posted when the save was refused. */}
      <div key={version} className="space-y-3">
        <Field label="New status" htmlFor="status-new" error={errors.status}>
          <NativeSelect
            id="status-new"
            name="status"
            defaultValue={echoed(values, "status") ?? ""}
            invalid={Boolean(errors.status)}
          >
            <option value="">Choose…</option>
            {allowed.map((s) => (
              <option key={s} value={s}>
                {MEETING_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          label="Reason"
          htmlFor="status-reason"
          error={errors.reason}
          hint="Why, and on whose word: it goes into the meeting's history."
        >
          <TextArea
            id="status-reason"
            name="reason"
            rows={2}
            defaultValue={echoed(values, "reason") ?? ""}
            invalid={Boolean(errors.reason)}
            hint
          />
        </Field>
        <Field label="Source URL" htmlFor="status-source" optional error={errors.sourceUrl}>
          <TextInput
            id="status-source"
            name="sourceUrl"
            type="url"
            inputMode="url"
            placeholder="https://…"
            defaultValue={echoed(values, "sourceUrl") ?? ""}
            invalid={Boolean(errors.sourceUrl)}
          />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Changing…" : "Change status"}
      </Button>
    </form>
  );
}
