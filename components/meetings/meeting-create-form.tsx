"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { createMeetingAction } from "@/app/meetings/actions";
import { echoed, rowList, type EchoFormState } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { errorId, Field, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import {
  MEETING_STATUSES,
  MEETING_STATUS_LABELS,
  PARTICIPANT_ROLES,
  PARTICIPANT_ROLE_LABELS,
  type ParticipantRole,
} from "@/lib/schemas/enums";
import { FormFeedback, InlineError, type FieldTarget } from "./form-feedback";
import { useHydrated } from "./use-hydrated";
import { useSubmitWithoutReset } from "./use-submit-without-reset";

export type MeetingCreateFormProps = {
  parties: ReadonlyArray<{ slug: string; name: string }>;
  venues: ReadonlyArray<{ slug: string; name: string; city: string }>;
};

type ParticipantRow = { key: number; party: string; role: string; headOfDelegation: string };

const INITIAL: EchoFormState = { status: "idle" };

// Two delegations and a host: the usual shape of a round. Rows left without a party are ignored.
const STARTER_ROLES: ParticipantRole[] = ["DELEGATION", "DELEGATION", "HOST"];

let nextKey = 1000;

function initialParticipants(state: EchoFormState): ParticipantRow[] {
  const posted = state.status === "error" ? rowList(state.values?.participants) : [];
  if (posted.length) {
    return posted.map((r, i) => ({
      key: i,
      party: r.party ?? "",
      role: r.role ?? "DELEGATION",
      headOfDelegation: r.headOfDelegation ?? "",
    }));
  }
  return STARTER_ROLES.map((role, i) => ({ key: i, party: "", role, headOfDelegation: "" }));
}

const FIELDS: Record<string, FieldTarget> = {
  title: { htmlFor: "meeting-title", label: "Title" },
  date: { htmlFor: "meeting-date", label: "Date" },
  venue: { htmlFor: "meeting-venue", label: "Venue" },
  status: { htmlFor: "meeting-status", label: "Status" },
  summary: { htmlFor: "meeting-summary", label: "Summary" },
};

/** Logs a meeting with its participants. Works without JavaScript (three participant rows). */
export function MeetingCreateForm({ parties, venues }: MeetingCreateFormProps) {
  const [state, formAction, pending] = useActionState(createMeetingAction, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const hydrated = useHydrated();
  const [rows, setRows] = useState(() => initialParticipants(state));
  const [addedKey, setAddedKey] = useState<number | null>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;

  const fields: Record<string, FieldTarget> = { ...FIELDS };
  for (const path of Object.keys(errors)) {
    const match = /^participants\.(\d+)(?:\.(party|role|headOfDelegation))?$/.exec(path);
    if (!match) continue;
    const n = Number(match[1]);
    const field = match[2] ?? "party";
    const label = field === "party" ? "Party" : field === "role" ? "Role" : "Head of delegation";
    fields[path] = { htmlFor: `participant-${n}-${field}`, label: `${label} for participant ${n + 1}` };
  }
  if (errors.participants) fields.participants = { htmlFor: "participant-0-party", label: "Participants" };

  function update(key: number, patch: Partial<ParticipantRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function addRow() {
    const key = nextKey++;
    setAddedKey(key);
    setRows((current) => [...current, { key, party: "", role: "DELEGATION", headOfDelegation: "" }]);
  }

  function removeRow(key: number) {
    setRows((current) => current.filter((row) => row.key !== key));
    document.getElementById("participant-add")?.focus();
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-4xl space-y-5">
      <FormFeedback state={state} fields={fields} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Title"
          htmlFor="meeting-title"
          error={errors.title}
          className="sm:col-span-2"
          hint="For example “Istanbul talks, 3rd round”."
        >
          <TextInput
            id="meeting-title"
            name="title"
            defaultValue={echoed(values, "title") ?? ""}
            invalid={Boolean(errors.title)}
            hint
            autoComplete="off"
          />
        </Field>
        <Field label="Date" htmlFor="meeting-date" optional error={errors.date} hint="Leave empty if unknown.">
          <TextInput
            id="meeting-date"
            name="date"
            type="date"
            defaultValue={echoed(values, "date") ?? ""}
            invalid={Boolean(errors.date)}
            hint
          />
        </Field>
        <Field
          label="Venue"
          htmlFor="meeting-venue"
          optional
          error={errors.venue}
          hint={
            <>
              Not listed?{" "}
              <Link href="/venues/new" className="text-accent-700 underline hover:no-underline">
                Add a venue
              </Link>{" "}
              first.
            </>
          }
        >
          <NativeSelect
            id="meeting-venue"
            name="venue"
            defaultValue={echoed(values, "venue") ?? ""}
            invalid={Boolean(errors.venue)}
            hint
          >
            <option value="">Not known</option>
            {venues.map((v) => (
              <option key={v.slug} value={v.slug}>
                {v.name}, {v.city}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field
          label="Status"
          htmlFor="meeting-status"
          error={errors.status}
          hint="Held: it took place, and its outcome can be logged next."
        >
          <NativeSelect
            id="meeting-status"
            name="status"
            defaultValue={echoed(values, "status") ?? "HELD"}
            invalid={Boolean(errors.status)}
            hint
          >
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {MEETING_STATUS_LABELS[s]}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Summary" htmlFor="meeting-summary" optional error={errors.summary} className="sm:col-span-2">
          <TextArea
            id="meeting-summary"
            name="summary"
            rows={5}
            defaultValue={echoed(values, "summary") ?? ""}
            invalid={Boolean(errors.summary)}
          />
        </Field>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Participants</legend>
        <p id="participants-help" className="mt-0.5 mb-2 text-xs text-slate-600">
          Rows without a party are ignored. Head of delegation: name, post and who reports it, e.g. “Jane Doe, Deputy
          Minister (TASS; Reuters)”.{" "}
          <Link href="/parties/new" className="text-accent-700 underline hover:no-underline">
            Add a party
          </Link>{" "}
          if one is missing.
        </p>
        {errors.participants ? (
          <InlineError
            id="participants-error"
            message={errors.participants}
            className="mb-2 text-xs font-medium text-red-700"
          />
        ) : null}
        <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
          <table className="w-full border-collapse text-left text-sm" aria-describedby="participants-help">
            <caption className="sr-only">Participants</caption>
            <thead className="border-b border-slate-200">
              <tr className="bg-slate-50 text-xs font-semibold text-slate-600">
                <th scope="col" className="w-56 px-3 py-2">
                  Party
                </th>
                <th scope="col" className="w-40 px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Head of delegation
                </th>
                {hydrated ? (
                  <th scope="col" className="w-10 px-2 py-2">
                    <span className="sr-only">Remove</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row, i) => {
                const partyError = errors[`participants.${i}.party`] ?? errors[`participants.${i}`];
                const roleError = errors[`participants.${i}.role`];
                const headError = errors[`participants.${i}.headOfDelegation`];
                const ids = {
                  party: `participant-${i}-party`,
                  role: `participant-${i}-role`,
                  head: `participant-${i}-headOfDelegation`,
                };
                return (
                  <tr key={row.key} className="align-top">
                    <td className="px-3 py-2">
                      <label htmlFor={ids.party} className="sr-only">
                        Party for participant {i + 1}
                      </label>
                      <NativeSelect
                        id={ids.party}
                        name={`participants.${i}.party`}
                        value={row.party}
                        onChange={(e) => update(row.key, { party: e.target.value })}
                        invalid={Boolean(partyError)}
                        autoFocus={row.key === addedKey}
                      >
                        <option value="">Choose a party…</option>
                        {parties.map((p) => (
                          <option key={p.slug} value={p.slug}>
                            {p.name}
                          </option>
                        ))}
                      </NativeSelect>
                      {partyError ? <InlineError id={errorId(ids.party)} message={partyError} /> : null}
                    </td>
                    <td className="px-3 py-2">
                      <label htmlFor={ids.role} className="sr-only">
                        Role for participant {i + 1}
                      </label>
                      <NativeSelect
                        id={ids.role}
                        name={`participants.${i}.role`}
                        value={row.role}
                        onChange={(e) => update(row.key, { role: e.target.value })}
                        invalid={Boolean(roleError)}
                      >
                        {PARTICIPANT_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {PARTICIPANT_ROLE_LABELS[r]}
                          </option>
                        ))}
                      </NativeSelect>
                      {roleError ? <InlineError id={errorId(ids.role)} message={roleError} /> : null}
                    </td>
                    <td className="px-3 py-2">
                      <label htmlFor={ids.head} className="sr-only">
                        Head of delegation for participant {i + 1}
                      </label>
                      <TextInput
                        id={ids.head}
                        name={`participants.${i}.headOfDelegation`}
                        value={row.headOfDelegation}
                        onChange={(e) => update(row.key, { headOfDelegation: e.target.value })}
                        invalid={Boolean(headError)}
                        autoComplete="off"
                      />
                      {headError ? <InlineError id={errorId(ids.head)} message={headError} /> : null}
                    </td>
                    {hydrated ? (
                      <td className="px-2 py-2">
                        <Button
                          variant="ghost"
                          size="sm"
                          className="px-2"
                          aria-label={`Remove participant ${i + 1}`}
                          title="Remove this row"
                          onClick={() => removeRow(row.key)}
                        >
                          <span aria-hidden="true">×</span>
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {hydrated ? (
          <Button id="participant-add" size="sm" className="mt-2" onClick={addRow}>
            <span aria-hidden="true">+</span> Add participant
          </Button>
        ) : null}
      </fieldset>

      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Logging…" : "Log meeting"}
        </Button>
        <Link href="/meetings" className="text-sm text-accent-700 hover:text-accent-900 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
