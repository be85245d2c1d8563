"use client";

import Link from "next/link";
import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import { FormFeedback, InlineError } from "@/components/forms/form-feedback";
import { AddRowButton, RemoveRowCell, RowCell, RowTable } from "@/components/forms/row-table";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FieldTargets } from "@/components/forms/summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useRowList } from "@/components/forms/use-row-list";
import { Field, NativeSelect, TextInput } from "@/components/ui/field";
import { createMeetingAction } from "@/lib/actions/meetings";
import { rowList } from "@/lib/forms/rows";
import {
  MEETING_STATUSES,
  MEETING_STATUS_LABELS,
  PARTICIPANT_ROLES,
  PARTICIPANT_ROLE_LABELS,
  type ParticipantRole,
} from "@/lib/schemas/enums";
import { dateSpec, venueOptions, type VenueChoice } from "./meeting-fields";

export type MeetingCreateFormProps = {
  parties: ReadonlyArray<{ slug: string; name: string }>;
  venues: readonly VenueChoice[];
};

type ParticipantRow = { key: number; party: string; role: string; headOfDelegation: string };

// Two delegations and a host: the usual shape of a round. Rows left without a party are ignored.
const STARTER_ROLES: ParticipantRole[] = ["DELEGATION", "DELEGATION", "HOST"];

function blankParticipant(key: number): ParticipantRow {
  return { key, party: "", role: "DELEGATION", headOfDelegation: "" };
}

/** The rows to start from: what was posted (a refused save without JavaScript), else the starter rows. */
function initialParticipants(posted: unknown): ParticipantRow[] {
  const rows = rowList(posted);
  if (rows.length) {
    return rows.map((r, i) => ({
      key: i,
      party: r.party ?? "",
      role: r.role ?? "DELEGATION",
      headOfDelegation: r.headOfDelegation ?? "",
    }));
  }
  return STARTER_ROLES.map((role, i) => ({ ...blankParticipant(i), role }));
}

const TITLE: FieldSpec = {
  name: "title",
  id: "meeting-title",
  label: "Title",
  hint: "For example “Istanbul talks, 3rd round”.",
  className: "sm:col-span-2",
  control: { autoComplete: "off" },
};
const DATE = dateSpec("meeting-date");
/** Rendered by hand: its hint holds a link. */
const VENUE = { name: "venue", id: "meeting-venue", label: "Venue" } satisfies FieldSpec;
const STATUS: FieldSpec = {
  name: "status",
  id: "meeting-status",
  label: "Status",
  hint: "Held: it took place, and its outcome can be logged next.",
  options: MEETING_STATUSES.map((s) => ({ value: s, label: MEETING_STATUS_LABELS[s] })),
  initial: "HELD",
};
const SUMMARY: FieldSpec = {
  name: "summary",
  id: "meeting-summary",
  label: "Summary",
  optional: true,
  rows: 5,
  className: "sm:col-span-2",
};
const FIELDS = targetsOf([TITLE, DATE, VENUE, STATUS, SUMMARY]);

const PARTICIPANT_LABELS = { party: "Party", role: "Role", headOfDelegation: "Head of delegation" } as const;

const COLUMNS = [
  { label: "Party", className: "w-56" },
  { label: "Role", className: "w-40" },
  { label: "Head of delegation" },
];

/** The summary's targets: the meeting's fields, then each participant field that was refused. */
function fieldTargets(errors: Record<string, string>): FieldTargets {
  const fields: FieldTargets = { ...FIELDS };
  for (const path of Object.keys(errors)) {
    const match = /^participants\.(\d+)(?:\.(party|role|headOfDelegation))?$/.exec(path);
    if (!match) continue;
    const n = Number(match[1]);
    const field = (match[2] ?? "party") as keyof typeof PARTICIPANT_LABELS;
    fields[path] = {
      htmlFor: `participant-${n}-${field}`,
      label: `${PARTICIPANT_LABELS[field]} for participant ${n + 1}`,
    };
  }
  if (errors.participants) fields.participants = { htmlFor: "participant-0-party", label: "Participants" };
  return fields;
}

const LINK = "text-accent-700 underline hover:no-underline";

/** Logs a meeting with its participants. Works without JavaScript (three participant rows). */
export function MeetingCreateForm({ parties, venues }: MeetingCreateFormProps) {
  const form = useFormAction(createMeetingAction);
  const { errors } = form;
  const hydrated = useHydrated();
  const participants = useRowList(
    "participants",
    () => initialParticipants(form.values?.participants),
    "participant-add",
  );
  const field = (spec: FieldSpec) => (
    <FieldControl spec={spec} error={form.errorOf(spec.name)} value={form.echo(spec.name) ?? spec.initial ?? ""} />
  );

  return (
    <form action={form.action} onSubmit={form.onSubmit} noValidate className="max-w-4xl space-y-5">
      <FormFeedback state={form.state} fields={fieldTargets(errors)} />

      <div className="grid gap-4 sm:grid-cols-2">
        {field(TITLE)}
        {field(DATE)}
        <Field
          label={VENUE.label}
          htmlFor={VENUE.id}
          optional
          error={form.errorOf(VENUE.name)}
          hint={
            <>
              Not listed?{" "}
              <Link href="/venues/new" className={LINK}>
                Add a venue
              </Link>{" "}
              first.
            </>
          }
        >
          <NativeSelect
            id={VENUE.id}
            name={VENUE.name}
            defaultValue={form.echo(VENUE.name) ?? ""}
            invalid={Boolean(form.errorOf(VENUE.name))}
            hint
          >
            {venueOptions(venues).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {field(STATUS)}
        {field(SUMMARY)}
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Participants</legend>
        <p id="participants-help" className="mt-0.5 mb-2 text-xs text-slate-600">
          Rows without a party are ignored. Head of delegation: name, post and who reports it, e.g. “Jane Doe, Deputy
          Minister (TASS; Reuters)”.{" "}
          <Link href="/parties/new" className={LINK}>
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
        <RowTable caption="Participants" columns={COLUMNS} removable={hydrated} describedBy="participants-help">
          {participants.rows.map((row, i) => {
            const base = `participants.${i}`;
            return (
              <tr key={row.key} className="align-top">
                <RowCell
                  htmlFor={`participant-${i}-party`}
                  label={`Party for participant ${i + 1}`}
                  error={errors[`${base}.party`] ?? errors[base]}
                >
                  {(control) => (
                    <NativeSelect
                      {...control}
                      {...participants.bind(row, i, "party")}
                      autoFocus={row.key === participants.addedKey}
                    >
                      <option value="">Choose a party…</option>
                      {parties.map((p) => (
                        <option key={p.slug} value={p.slug}>
                          {p.name}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </RowCell>
                <RowCell
                  htmlFor={`participant-${i}-role`}
                  label={`Role for participant ${i + 1}`}
                  error={errors[`${base}.role`]}
                >
                  {(control) => (
                    <NativeSelect {...control} {...participants.bind(row, i, "role")}>
                      {PARTICIPANT_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {PARTICIPANT_ROLE_LABELS[r]}
                        </option>
                      ))}
                    </NativeSelect>
                  )}
                </RowCell>
                <RowCell
                  htmlFor={`participant-${i}-headOfDelegation`}
                  label={`Head of delegation for participant ${i + 1}`}
                  error={errors[`${base}.headOfDelegation`]}
                >
                  {(control) => (
                    <TextInput {...control} {...participants.bind(row, i, "headOfDelegation")} autoComplete="off" />
                  )}
                </RowCell>
                {hydrated ? (
                  <RemoveRowCell label={`Remove participant ${i + 1}`} onRemove={() => participants.remove(row.key)} />
                ) : null}
              </tr>
            );
          })}
        </RowTable>
        {hydrated ? (
          <AddRowButton id="participant-add" label="Add participant" onAdd={() => participants.add(blankParticipant)} />
        ) : null}
      </fieldset>

      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton pending={form.pending} label="Log meeting" pendingLabel="Logging…" />
        <Link href="/meetings" className="text-sm text-accent-700 hover:text-accent-900 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
