"use client";

import Link from "next/link";
import { useActionState, useMemo, useState } from "react";
import { echoed, rowList, type FreshGrievances, type OutcomeFormState, type RowValues } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorId, TextArea, TextInput, NativeSelect } from "@/components/ui/field";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { GRIEVANCE_STATUSES, GRIEVANCE_STATUS_LABELS, type GrievanceStatus } from "@/lib/schemas/enums";
import { FormFeedback, InlineError, type FieldTarget } from "./form-feedback";
import { useHydrated } from "./use-hydrated";
import { useSubmitWithoutReset } from "./use-submit-without-reset";

export type GrievanceOption = { id: string; title: string; status: GrievanceStatus; version: number };

export type OutcomeFormProps = {
  /**
   * logMeetingOutcomeAction bound to the meeting IN THE SERVER COMPONENT: an action bound in the
   * browser hangs Next's no-JavaScript form post (vercel/next.js#98045).
   */
  action: (prev: OutcomeFormState, formData: FormData) => Promise<OutcomeFormState>;
  /** Bumped by every saved outcome: the rows start again from the saved agenda. */
  meetingVersion: number;
  /** The grievances already on the meeting's agenda, prefilled as rows. */
  agenda: readonly GrievanceOption[];
  /** Every grievance, for the rows where one is chosen. */
  options: readonly GrievanceOption[];
};

type Row = {
  key: number;
  /** "agenda": the grievance is fixed; "pick": chosen in the row with a select. */
  kind: "agenda" | "pick";
  grievanceId: string;
  /** The grievance's version as this form knows it ("" when not known: picked without JavaScript). */
  version: string;
  /** Its status as this form knows it. */
  now: GrievanceStatus | null;
  status: string;
  note: string;
  /** A refused save showed that someone else changed this grievance meanwhile. */
  changed: boolean;
};

const INITIAL: OutcomeFormState = { status: "idle" };
const NO_JS_BLANK_ROWS = 2;

let nextKey = 1000;

function blankRow(key: number): Row {
  return { key, kind: "pick", grievanceId: "", version: "", now: null, status: "", note: "", changed: false };
}

function applyFresh(rows: Row[], fresh: FreshGrievances): Row[] {
  return rows.map((row) => {
    const current = fresh[row.grievanceId];
    if (!current || row.version === String(current.version)) return row;
    return {
      ...row,
      version: String(current.version),
      now: current.status,
      // The select does not offer the status it now has; choosing it would move nothing anyway.
      status: row.status === current.status ? "" : row.status,
      changed: row.version !== "",
    };
  });
}

/** The rows to start from: what was posted (a refused save without JavaScript), else the agenda plus blank rows. */
function initialRows(
  state: OutcomeFormState,
  agenda: readonly GrievanceOption[],
  options: readonly GrievanceOption[],
): Row[] {
  const byId = new Map(options.map((o) => [o.id, o]));
  const posted: RowValues[] = state.status === "error" ? rowList(state.values?.outcomes) : [];
  let rows: Row[];
  if (posted.length) {
    rows = posted.map((r, i) => {
      const id = r.grievanceId ?? "";
      return {
        key: i,
        kind: agenda[i]?.id === id && id !== "" ? "agenda" : "pick",
        grievanceId: id,
        version: r.version ?? "",
        now: byId.get(id)?.status ?? null,
        status: r.status ?? "",
        note: r.note ?? "",
        changed: false,
      };
    });
  } else {
    rows = [
      ...agenda.map((g, i) => ({
        ...blankRow(i),
        kind: "agenda" as const,
        grievanceId: g.id,
        version: String(g.version),
        now: g.status,
      })),
      ...Array.from({ length: agenda.length ? NO_JS_BLANK_ROWS : NO_JS_BLANK_ROWS + 1 }, (_, i) =>
        blankRow(agenda.length + i),
      ),
    ];
  }
  return state.status === "error" && state.fresh ? applyFresh(rows, state.fresh) : rows;
}

function rowName(row: Row, index: number, titles: Map<string, string>): string {
  return titles.get(row.grievanceId) ?? `row ${index + 1}`;
}

/**
 * "Log outcome": one row per grievance discussed, saved as ONE submission (every row or none).
 * Works without JavaScript (agenda rows plus blank rows with a grievance select); with it, rows
 * can be added and removed, and a refused save (someone moved a grievance meanwhile) keeps what
 * was typed, shows the current status and re-applies in one click.
 */
export function OutcomeForm({ action, meetingVersion, agenda, options }: OutcomeFormProps) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const titles = useMemo(() => new Map(options.map((o) => [o.id, o.title])), [options]);

  const fields: Record<string, FieldTarget> = { sourceUrl: { htmlFor: "outcome-source", label: "Source URL" } };
  const rowsSeen = state.status === "error" ? rowList(state.values?.outcomes) : [];
  for (const path of Object.keys(state.status === "error" ? state.fieldErrors : {})) {
    const match = /^outcomes\.(\d+)(?:\.(grievanceId|version|status|note))?$/.exec(path);
    if (!match) continue;
    const index = Number(match[1]);
    const field = match[2] === "status" || match[2] === "note" ? match[2] : "grievanceId";
    const id = rowsSeen[index]?.grievanceId ?? "";
    const name = titles.get(id) ?? `row ${index + 1}`;
    fields[path] = {
      // An agenda row has no grievance control; its row-level errors point at its status select.
      htmlFor:
        field === "grievanceId" && agenda[index]?.id === id && id
          ? `outcome-${index}-status`
          : `outcome-${index}-${field === "grievanceId" ? "grievance" : field}`,
      label: `${field === "note" ? "Note" : field === "status" ? "New status" : "Grievance"} for ${name}`,
    };
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <FormFeedback
        id="outcome-feedback"
        state={state}
        fields={fields}
        conflictMessage="Nothing was saved: someone else changed a grievance in this table after you opened the page"
        className="mb-3"
      />
      <OutcomeRows
        key={meetingVersion}
        state={state}
        agenda={agenda}
        options={options}
        titles={titles}
        pending={pending}
      />
    </form>
  );
}

type OutcomeRowsProps = {
  state: OutcomeFormState;
  agenda: readonly GrievanceOption[];
  options: readonly GrievanceOption[];
  titles: Map<string, string>;
  pending: boolean;
};

function OutcomeRows({ state, agenda, options, titles, pending }: OutcomeRowsProps) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState(() => initialRows(state, agenda, options));
  const [seenState, setSeenState] = useState(state);
  // The row just added gets focus (autoFocus acts only when it mounts).
  const [addedKey, setAddedKey] = useState<number | null>(null);
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

  function update(key: number, patch: Partial<Row>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  }

  function pick(key: number, id: string) {
    const option = byId.get(id);
    setRows((current) =>
      current.map((row) =>
        row.key === key
          ? {
              ...row,
              grievanceId: id,
              version: option ? String(option.version) : "",
              now: option?.status ?? null,
              status: row.status === option?.status ? "" : row.status,
              changed: false,
            }
          : row,
      ),
    );
  }

  function addRow() {
    const key = nextKey++;
    setAddedKey(key);
    setRows((current) => [...current, blankRow(key)]);
  }

  function removeRow(key: number) {
    setRows((current) => current.filter((row) => row.key !== key));
    document.getElementById("outcome-add-row")?.focus();
  }

  const sourceError = errors.sourceUrl;

  return (
    <>
      <p id="outcome-help" className="mb-2 text-xs text-slate-600">
        One row per grievance discussed. Rows with neither a new status nor a note are skipped. A new status is recorded
        with the note as its reason.
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
          <Button type="submit" variant="primary" size="sm" className="mt-2" disabled={pending}>
            Re-apply my changes
          </Button>
        </div>
      ) : null}

      <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table
          className="w-full min-w-[48rem] table-fixed border-collapse text-left text-sm"
          aria-describedby="outcome-help"
        >
          <caption className="sr-only">Outcome of this meeting, one row per grievance</caption>
          <thead className="border-b border-slate-200">
            <tr className="bg-slate-50 text-xs font-semibold text-slate-600">
              <th scope="col" className="w-[28%] px-3 py-2">
                Grievance
              </th>
              <th scope="col" className="w-40 px-3 py-2">
                Now
              </th>
              <th scope="col" className="w-48 px-3 py-2">
                New status
              </th>
              <th scope="col" className="px-3 py-2">
                Note
              </th>
              {hydrated ? (
                <th scope="col" className="w-12 px-2 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => {
              const name = rowName(row, index, titles);
              const base = `outcomes.${index}`;
              const grievanceError = errors[`${base}.grievanceId`] ?? errors[`${base}.version`] ?? errors[base];
              const statusError = errors[`${base}.status`];
              const noteError = errors[`${base}.note`];
              const ids = {
                grievance: `outcome-${index}-grievance`,
                status: `outcome-${index}-status`,
                note: `outcome-${index}-note`,
              };
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
                          autoFocus={row.key === addedKey}
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
                  <td className="px-3 py-2">
                    <label htmlFor={ids.status} className="sr-only">
                      New status for {name}
                    </label>
                    <NativeSelect
                      id={ids.status}
                      name={`${base}.status`}
                      value={row.status}
                      onChange={(e) => update(row.key, { status: e.target.value })}
                      invalid={Boolean(statusError)}
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
                    {statusError ? <InlineError id={errorId(ids.status)} message={statusError} /> : null}
                  </td>
                  <td className="px-3 py-2">
                    <label htmlFor={ids.note} className="sr-only">
                      Note for {name}
                    </label>
                    <TextArea
                      id={ids.note}
                      name={`${base}.note`}
                      rows={2}
                      value={row.note}
                      onChange={(e) => update(row.key, { note: e.target.value })}
                      placeholder="What was said or agreed"
                      invalid={Boolean(noteError)}
                    />
                    {noteError ? <InlineError id={errorId(ids.note)} message={noteError} /> : null}
                  </td>
                  {hydrated ? (
                    <td className="px-2 py-2">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove row for ${name}`}
                        title="Remove this row"
                        onClick={() => removeRow(row.key)}
                        className="px-2"
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
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No rows. Add a grievance to log what was said about it.</p>
      ) : null}
      {hydrated ? (
        <Button id="outcome-add-row" size="sm" className="mt-2" onClick={addRow}>
          <span aria-hidden="true">+</span> Add grievance
        </Button>
      ) : null}

      <div className="mt-3 flex flex-wrap items-end justify-between gap-3">
        <div className="flex min-w-72 flex-1 flex-col gap-1">
          <label htmlFor="outcome-source" className="text-sm font-medium text-slate-800">
            Source URL<span className="ml-1 font-normal text-slate-500">(optional)</span>
          </label>
          <TextInput
            id="outcome-source"
            name="sourceUrl"
            type="url"
            inputMode="url"
            placeholder="https://…"
            defaultValue={echoed(state.status === "error" ? state.values : undefined, "sourceUrl") ?? ""}
            invalid={Boolean(sourceError)}
            hint
            className="max-w-xl"
          />
          <p id="outcome-source-hint" className="text-xs text-slate-600">
            A readout or report; cited by every status change in this outcome.
          </p>
          {sourceError ? (
            <InlineError
              id={errorId("outcome-source")}
              message={sourceError}
              className="text-xs font-medium text-red-700"
            />
          ) : null}
        </div>
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-600">Saves every row or none.</span>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : "Save outcome"}
          </Button>
        </div>
      </div>
    </>
  );
}
