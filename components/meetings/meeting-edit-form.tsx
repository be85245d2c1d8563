"use client";

import { useActionState } from "react";
import { echoed, type EchoFormState } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { Field, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import { FormFeedback } from "./form-feedback";
import { useSubmitWithoutReset } from "./use-submit-without-reset";

export type MeetingEditFormProps = {
  /** updateMeetingAction bound to the meeting in the server component (see OutcomeForm). */
  action: (prev: EchoFormState, formData: FormData) => Promise<EchoFormState>;
  version: number;
  title: string;
  /** YYYY-MM-DD, or "" when unknown. */
  date: string;
  /** The venue's slug, or "". */
  venue: string;
  summary: string;
  venues: ReadonlyArray<{ slug: string; name: string; city: string }>;
};

const INITIAL: EchoFormState = { status: "idle" };

const FIELDS = {
  title: { htmlFor: "edit-title", label: "Title" },
  date: { htmlFor: "edit-date", label: "Date" },
  venue: { htmlFor: "edit-venue", label: "Venue" },
  summary: { htmlFor: "edit-summary", label: "Summary" },
};

/** Edits a meeting's details, checked against the version the page was loaded at. */
export function MeetingEditForm({ action, version, title, date, venue, summary, venues }: MeetingEditFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <FormFeedback
        state={state}
        fields={FIELDS}
        conflictMessage="Nothing was saved: someone else changed this meeting after you opened the page. The page now shows their version; your entries are kept below, so save again to apply them on top"
      />
      <input type="hidden" name="version" value={version} />
      {/* A new version (saved, or someone else's change) starts the fields afresh: from the saved
          record, or from what was posted when the save was refused. */}
      <div key={version} className="space-y-3">
        <Field label="Title" htmlFor="edit-title" error={errors.title}>
          <TextInput
            id="edit-title"
            name="title"
            defaultValue={echoed(values, "title") ?? title}
            invalid={Boolean(errors.title)}
          />
        </Field>
        <Field label="Date" htmlFor="edit-date" optional error={errors.date} hint="Leave empty if unknown.">
          <TextInput
            id="edit-date"
            name="date"
            type="date"
            defaultValue={echoed(values, "date") ?? date}
            invalid={Boolean(errors.date)}
            hint
          />
        </Field>
        <Field label="Venue" htmlFor="edit-venue" optional error={errors.venue}>
          <NativeSelect
            id="edit-venue"
            name="venue"
            defaultValue={echoed(values, "venue") ?? venue}
            invalid={Boolean(errors.venue)}
          >
            <option value="">Not known</option>
            {venues.map((v) => (
              <option key={v.slug} value={v.slug}>
                {v.name}, {v.city}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Summary" htmlFor="edit-summary" optional error={errors.summary}>
          <TextArea
            id="edit-summary"
            name="summary"
            rows={8}
            defaultValue={echoed(values, "summary") ?? summary}
            invalid={Boolean(errors.summary)}
          />
        </Field>
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
