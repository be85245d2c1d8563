"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { FieldControl } from "@/components/forms/field-control";
import { FormFeedback, InlineError } from "@/components/forms/form-feedback";
import { AddRowButton, RemoveRowCell, RowCell, RowTable } from "@/components/forms/row-table";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useRowList } from "@/components/forms/use-row-list";
import { cn } from "@/components/ui/cn";
import { errorId, hintId, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import { toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { logMeetingOutcomeAction } from "@/lib/actions/meetings";
import { OCCURRED_FIELDS } from "@/lib/forms/occurred-at";
import type { OutcomeFormState } from "@/lib/forms/rows";
import { grievanceStandingQuery } from "@/lib/queries/grievances";
import { GRIEVANCE_STATUSES, GRIEVANCE_STATUS_LABELS } from "@/lib/schemas/enums";
import {
  applyFresh,
  blankRow,
  fieldTargets,
  initialRows,
  OCCURRED_DATE,
  OCCURRED_TIME,
  pickGrievance,
  rowDateDefault,
  rowName,
  SOURCE,
  type GrievanceOption,
} from "./outcome-rows";

export type OutcomeFormProps = {
  meetingId: string;
  /** Bumped by every saved outcome: the rows start again from the saved agenda. */
  meetingVersion: number;
  /** The meeting's date (ISO), where its moves are dated unless the analyst gives another. */
  meetingDate: string | null;
  /** The grievances already on the meeting's agenda, prefilled as rows. */
  agenda: readonly GrievanceOption[];
  /**
   * Every grievance, for the rows where one is chosen: rendered with the page, so the select works
   * without JavaScript. A chosen grievance's status and version are then read afresh (see pick).
   */
  options: readonly GrievanceOption[];
};

/**
 * "Log outcome": one row per grievance discussed, saved as ONE submission (every row or none).
 * Works without JavaScript (agenda rows plus blank rows with a grievance select); with it, rows
 * can be added and removed, and a refused save (someone moved a grievance meanwhile) keeps what
 * was typed, shows the current status and re-applies in one click.
 */
export function OutcomeForm({ meetingId, meetingVersion, meetingDate, agenda, options }: OutcomeFormProps) {
  const form = useFormAction(logMeetingOutcomeAction);
  // logMeetingOutcomeAction adds `fresh` to its CONFLICT refusal (lib/actions/meetings.ts).
  const state: OutcomeFormState = form.state;
  const titles = useMemo(() => new Map(options.map((o) => [o.id, o.title])), [options]);

  return (
    <form action={form.action} onSubmit={form.onSubmit} noValidate>
      <FormFeedback
        id="outcome-feedback"
        state={state}
        fields={fieldTargets(state, agenda, titles)}
        conflictMessage="Nothing was saved: someone else changed a grievance in this table after you opened the page"
        className="mb-3"
      />
      <RecordIdField id={meetingId} />
      <OutcomeRows
        key={meetingVersion}
        state={state}
        agenda={agenda}
        options={options}
        titles={titles}
        form={form}
        meetingDate={meetingDate}
      />
    </form>
  );
}

type OutcomeRowsProps = {
  state: OutcomeFormState;
  agenda: readonly GrievanceOption[];
  options: readonly GrievanceOption[];
  titles: Map<string, string>;
  meetingDate: string | null;
  /** The form's state, for the source and date fields and the submit buttons. */
  form: Pick<ReturnType<typeof useFormAction>, "errorOf" | "echo" | "pending">;
};

const COLUMNS = [
  { label: "Grievance", className: "w-[28%]" },
  { label: "Now", className: "w-40" },
  { label: "New status", className: "w-48" },
  { label: "Note" },
  { label: "Happened on", className: "w-40" },
];

function OutcomeRows({ state, agenda, options, titles, form, meetingDate }: OutcomeRowsProps) {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const list = useRowList("outcomes", () => initialRows(state, agenda, options), "outcome-add-row");
  const { rows, setRows } = list;
  const [seenState, setSeenState] = useState(state);
  // The batch's date, which every row without its own is dated at (its hint says so, once live).
  const [batchDate, setBatchDate] = useState(() => form.echo(OCCURRED_DATE.name) ?? toIsoDate(meetingDate));
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);

  // A refused save names the grievances that moved meanwhile: take their current versions into
  // the rows (adjusting state during render, as React recommends over an effect).
  if (seenState !== state) {
    setSeenState(state);
    if (state.status === "error" && state.fresh) setRows((current) => applyFresh(current, state.fresh!));
  }

  const errors = state.status === "error" ? state.fieldErrors : {};
  const changed = rows.filter((r) => r.changed);
  const conflict = state.status === "error" && state.code === "CONFLICT";
  const used = new Set(rows.map((r) => r.grievanceId).filter(Boolean));

  function pick(key: number, id: string) {
    const option = byId.get(id);
    setRows((current) => current.map((row) => (row.key === key ? pickGrievance(row, id, option) : row)));
    if (!id) return;
    // The options are as old as the page, and the analyst may pick a grievance long after opening
    // it: ask where it stands now, so that the "Now" shown and the version the row is saved
    // against are current when the analyst decides. If the read fails, the page's version stands
    // and a stale one is refused on save, with the fresh status (`fresh`), as before.
    queryClient.query(grievanceStandingQuery(id)).then(
      (standing) => setRows((current) => applyFresh(current, { [id]: standing })),
      () => {},
    );
  }

  return (
    <>
      <p id="outcome-help" className="mb-2 text-xs text-slate-600">
        One row per grievance discussed. Rows with neither a new status nor a note are skipped. A new status is recorded
        with the note as its reason. A row without a date of its own is dated at the outcome’s date below; give one for
        a move made on another day of the round.
      </p>

      {conflict ? (
        <div className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {changed.length > 0 ? (
            <ul className="mb-1 list-disc pl-5">
              {changed.map((row) => (
                <li key={row.key}>
                  “{titles.get(row.grievanceId) ?? "A grievance"}” is now{" "}
                  <strong className="font-semibold">{row.now ? GRIEVANCE_STATUS_LABELS[row.now] : "changed"}</strong>.
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            Your entries are kept; the “Now” column shows where each grievance stands. Check them, then re-apply them on
            top.
          </p>
          <SubmitButton pending={form.pending} label="Re-apply my changes" size="sm" className="mt-2" />
        </div>
      ) : null}

      <RowTable
        caption="Outcome of this meeting, one row per grievance"
        columns={COLUMNS}
        removable={hydrated}
        describedBy="outcome-help"
        className="min-w-[58rem] table-fixed"
      >
        {rows.map((row, index) => {
          const name = rowName(row, index, titles);
          const base = `outcomes.${index}`;
          const grievanceError = errors[`${base}.grievanceId`] ?? errors[`${base}.version`] ?? errors[base];
          const statusError = errors[`${base}.status`];
          const noteError = errors[`${base}.note`];
          const dateError =
            errors[`${base}.${OCCURRED_FIELDS.api}`] ??
            errors[`${base}.${OCCURRED_FIELDS.date}`] ??
            errors[`${base}.${OCCURRED_FIELDS.time}`];
          const ids = {
            grievance: `outcome-${index}-grievance`,
            status: `outcome-${index}-status`,
            note: `outcome-${index}-note`,
            date: `outcome-${index}-date`,
            time: `outcome-${index}-time`,
          };
          const undated = row.occurredDate === "";
          return (
            <tr key={row.key} className={cn("align-top", row.changed && "bg-amber-50/70")}>
              <td className="px-3 py-2">
                {row.kind === "agenda" ? (
                  <>
                    <input type="hidden" name={`${base}.grievanceId`} value={row.grievanceId} />
                    <Link
                      href={`/grievances/${row.grievanceId}`}
                      className="font-medium text-accent-700 hover:text-accent-900 hover:underline"
                    >
                      {name}
                    </Link>
                  </>
                ) : (
                  <>
                    <label htmlFor={ids.grievance} className="sr-only">
                      Grievance for row {index + 1}
                    </label>
                    <NativeSelect
                      id={ids.grievance}
                      name={`${base}.grievanceId`}
                      value={row.grievanceId}
                      onChange={(e) => pick(row.key, e.target.value)}
                      invalid={Boolean(grievanceError)}
                      autoFocus={row.key === list.addedKey}
                    >
                      <option value="">Choose a grievance…</option>
                      {options.map((o) => (
                        <option key={o.id} value={o.id} disabled={o.id !== row.grievanceId && used.has(o.id)}>
                          {o.title}
                        </option>
                      ))}
                    </NativeSelect>
                  </>
                )}
                <input type="hidden" name={`${base}.version`} value={row.version} />
                {row.changed ? (
                  <p className="mt-1 text-xs font-medium text-amber-900">
                    <span aria-hidden="true">⚠ </span>changed by someone else since you opened this page
                  </p>
                ) : null}
                {grievanceError ? <InlineError id={errorId(ids.grievance)} message={grievanceError} /> : null}
              </td>
              <td className="px-3 py-2">
                {row.now ? <GrievanceStatusBadge status={row.now} /> : <span className="text-slate-500">—</span>}
              </td>
              <RowCell htmlFor={ids.status} label={`New status for ${name}`} error={statusError}>
                {(control) => (
                  <NativeSelect
                    {...control}
                    {...list.bind(row, index, "status")}
                    // An agenda row has no grievance control: its row error describes the status select.
                    aria-describedby={row.kind === "agenda" && grievanceError ? errorId(ids.grievance) : undefined}
                  >
                    <option value="">No change</option>
                    {GRIEVANCE_STATUSES.filter((s) => s !== row.now).map((s) => (
                      <option key={s} value={s}>
                        {GRIEVANCE_STATUS_LABELS[s]}
                      </option>
                    ))}
                  </NativeSelect>
                )}
              </RowCell>
              <RowCell htmlFor={ids.note} label={`Note for ${name}`} error={noteError}>
                {(control) => (
                  <TextArea
                    {...control}
                    {...list.bind(row, index, "note")}
                    rows={2}
                    placeholder="What was said or agreed"
                  />
                )}
              </RowCell>
              <RowCell htmlFor={ids.date} label={`Date for ${name}`} error={dateError}>
                {(control) => (
                  <div className="flex flex-col gap-1">
                    <TextInput
                      {...control}
                      {...list.bind(row, index, OCCURRED_FIELDS.date)}
                      type="date"
                      hint={undated}
                    />
                    <label htmlFor={ids.time} className="sr-only">
                      Time for {name} (UTC)
                    </label>
                    <TextInput
                      {...list.bind(row, index, OCCURRED_FIELDS.time)}
                      id={ids.time}
                      type="time"
                      invalid={Boolean(dateError)}
                      aria-describedby={dateError ? errorId(ids.date) : undefined}
                    />
                    {undated ? (
                      <p id={hintId(ids.date)} className="text-xs text-slate-600">
                        {rowDateDefault(batchDate, hydrated)}
                      </p>
                    ) : null}
                  </div>
                )}
              </RowCell>
              {hydrated ? (
                <RemoveRowCell label={`Remove row for ${name}`} onRemove={() => list.remove(row.key)} />
              ) : null}
            </tr>
          );
        })}
      </RowTable>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No rows. Add a grievance to log what was said about it.</p>
      ) : null}
      {hydrated ? <AddRowButton id="outcome-add-row" label="Add grievance" onAdd={() => list.add(blankRow)} /> : null}

      <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
        <FieldControl spec={SOURCE} error={form.errorOf(SOURCE.name)} value={form.echo(SOURCE.name) ?? ""} />
        <FieldControl
          spec={OCCURRED_DATE}
          error={form.errorOf(OCCURRED_FIELDS.api) ?? form.errorOf(OCCURRED_DATE.name)}
          value={batchDate}
          onChange={setBatchDate}
        />
        <FieldControl
          spec={OCCURRED_TIME}
          error={form.errorOf(OCCURRED_TIME.name)}
          value={form.echo(OCCURRED_TIME.name) ?? ""}
        />
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-600">Saves every row or none.</span>
          <SubmitButton pending={form.pending} label="Save outcome" pendingLabel="Saving…" />
        </div>
      </div>
    </>
  );
}
