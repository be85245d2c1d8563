"use client";

import Link from "next/link";
import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import { FormFeedback } from "@/components/forms/form-feedback";
import { SubmitButton } from "@/components/forms/submit-button";
import { fieldError } from "@/components/forms/summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { formatDate, formatNumber } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { changeGrievanceStatusesAction } from "@/lib/actions/bulk-status";
import type { ActionState } from "@/lib/forms/action-state";
import { OCCURRED_FIELDS } from "@/lib/forms/occurred-at";
import { BULK_STATUS_MAX, grievanceCount } from "@/lib/bulk-status";
import type { BulkStatusReport, BulkStatusRow } from "@/lib/schemas/bulk-status";
import type { GrievanceStatus } from "@/lib/schemas/enums";
import type { MeetingOption } from "./change-status";

// Changing the status of many grievances at once from the list (issue 11). The list's checkboxes
// and these fields are one plain <form> posting to the server action, so it works without
// JavaScript; with it, "select all on this page" and the report's choices act at once. Each
// ticked box posts `versions.<id>` = the version its row was shown at: the server refuses the
// whole batch if any grievance changed since, and reports every row.

type Selection = {
  /** Ticked grievances → the version each was shown at when ticked. */
  ticked: ReadonlyMap<string, number>;
  set: (rows: ReadonlyArray<{ id: string; version: number }>, on: boolean) => void;
};

const SelectionContext = createContext<Selection | null>(null);

/** A row's checkbox: ticked, it posts the version the analyst saw. */
export function BulkSelectBox({ id, version, title }: { id: string; version: number; title: string }) {
  const selection = useContext(SelectionContext);
  if (!selection) return null;
  const seen = selection.ticked.get(id);
  return (
    <input
      type="checkbox"
      name={`versions.${id}`}
      value={seen ?? version}
      checked={seen !== undefined}
      onChange={(event) => selection.set([{ id, version }], event.target.checked)}
      aria-label={`Select “${title}”`}
      className="mt-0.5 size-4 accent-accent-700"
    />
  );
}

type Data = { report: BulkStatusReport; typed: Record<string, string> };

const SPECS = {
  status: {
    name: "status",
    id: "bulk-status-status",
    label: "New status",
    prompt: "Choose a status",
    options: [],
  },
  reason: {
    name: "reason",
    id: "bulk-status-reason",
    label: "Reason",
    hint: "Written to each grievance's timeline.",
    rows: 2,
  },
  meetingId: { name: "meetingId", id: "bulk-status-meeting", label: "Meeting", optional: true, options: [] },
  occurredDate: {
    name: OCCURRED_FIELDS.date,
    id: "bulk-status-date",
    label: "Happened on",
    optional: true,
    hint: "The meeting's date when a meeting is chosen; empty: now.",
    control: { type: "date" },
  },
  occurredTime: {
    name: OCCURRED_FIELDS.time,
    id: "bulk-status-time",
    label: "Time (UTC)",
    optional: true,
    control: { type: "time" },
  },
  sourceUrl: {
    name: "sourceUrl",
    id: "bulk-status-source",
    label: "Source URL",
    optional: true,
    control: { type: "url", inputMode: "url", placeholder: "https://…" },
  },
} satisfies Record<string, FieldSpec>;

const FIELDS = {
  ...targetsOf(Object.values(SPECS)),
  [OCCURRED_FIELDS.api]: { htmlFor: SPECS.occurredDate.id, label: SPECS.occurredDate.label },
};

/** The report a refusal carries (`current`), or a preview's; null otherwise. */
function reportOf(state: ActionState<Data>): BulkStatusReport | null {
  if (state.status === "ok") return state.data.report.applied ? null : state.data.report;
  if (state.status === "error" && state.current && typeof state.current === "object" && "items" in state.current) {
    return state.current as BulkStatusReport;
  }
  return null;
}

/** What the boxes hold: after a refusal, what was ticked less every row the report refused. */
function tickedAfter(state: ActionState<Data>): Map<string, number> {
  if (state.status !== "error") return new Map();
  const posted = state.values?.versions;
  const refused = new Set((reportOf(state)?.items ?? []).filter((row) => row.result !== "ready").map((r) => r.id));
  const entries = Object.entries(typeof posted === "object" && posted !== null ? posted : {});
  return new Map(
    entries.flatMap(([id, version]) => (refused.has(id) || !Number(version) ? [] : [[id, Number(version)] as const])),
  );
}

export type BulkStatusFormProps = {
  /** Grievances matching the list's filters, on every page. */
  total: number;
  /** The list's filters (its URL's values), posted as `filter.*` for "all matching". */
  filter: Record<string, string>;
  meetings: readonly MeetingOption[];
  /**
   * The statuses' words, in order, from the server: lib/schemas/enums would bring zod into the
   * list's JavaScript.
   */
  statusLabels: Readonly<Record<GrievanceStatus, string>>;
  /** This page's rows, for "tick all on this page". */
  rows: ReadonlyArray<{ id: string; version: number }>;
  /** The table, whose rows hold the checkboxes. */
  children: ReactNode;
};

export function BulkStatusForm({ total, filter, meetings, statusLabels, rows, children }: BulkStatusFormProps) {
  const hydrated = useHydrated();
  const { state, action, onSubmit, pending, errors } = useFormAction(changeGrievanceStatusesAction);
  const titleId = useId();
  // The boxes as of the latest answer: emptied after a move, the refused rows dropped after a
  // refusal (reset while rendering when a new answer arrives, React's pattern for derived state).
  const [boxes, setBoxes] = useState(() => ({ answer: state, ticked: tickedAfter(state) }));
  if (boxes.answer !== state) setBoxes({ answer: state, ticked: tickedAfter(state) });
  const ticked: ReadonlyMap<string, number> = boxes.answer === state ? boxes.ticked : tickedAfter(state);
  const selection: Selection = {
    ticked,
    set: (rows, on) =>
      setBoxes((current) => {
        const next = new Map(current.ticked);
        for (const row of rows) {
          if (on) next.set(row.id, row.version);
          else next.delete(row.id);
        }
        return { ...current, ticked: next };
      }),
  };

  const report = reportOf(state);
  const typed: Record<string, string | undefined> =
    state.status === "ok" ? state.data.typed : state.status === "error" ? stringValues(state.values) : {};
  const specs: Record<keyof typeof SPECS, FieldSpec> = {
    ...SPECS,
    status: {
      ...SPECS.status,
      options: Object.entries(statusLabels).map(([value, label]) => ({ value, label })),
    },
    meetingId: {
      ...SPECS.meetingId,
      options: [
        { value: "", label: "No meeting" },
        ...meetings.map((m) => ({ value: m.id, label: m.date ? `${m.title} (${formatDate(m.date)})` : m.title })),
      ],
    },
  };
  // Keyed by the answer, so the uncontrolled fields start from what was typed before it.
  const field = (name: keyof typeof SPECS, error = fieldError(errors, specs[name].name)) => (
    <FieldControl
      key={`${name}-${stateKey(state)}`}
      spec={specs[name]}
      error={error}
      value={typed[specs[name].name] ?? ""}
    />
  );
  const open = state.status !== "idle" || ticked.size > 0;

  return (
    <form action={action} onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
      <details open={open} className="mb-3 rounded-md border border-slate-200 bg-white">
        <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800">
          <span id={titleId}>Change the status of several grievances</span>
          <span className="ml-2 font-normal text-slate-600">
            {ticked.size ? `${formatNumber(ticked.size)} ticked` : "tick rows below, or take all matching"}
          </span>
        </summary>
        <div className="space-y-3 border-t border-slate-200 px-3 py-3">
          <FormFeedback id="bulk-status-feedback" state={state} fields={FIELDS} />
          {Object.entries(filter).map(([key, value]) => (
            <input key={key} type="hidden" name={`filter.${key}`} value={value} />
          ))}
          <div className="grid gap-3 sm:grid-cols-2">
            {field("status")}
            {field("meetingId")}
            <div className="sm:col-span-2">{field("reason")}</div>
            <div className="flex items-start gap-3">
              {field(
                "occurredDate",
                fieldError(errors, OCCURRED_FIELDS.api) ?? fieldError(errors, OCCURRED_FIELDS.date),
              )}
              {field("occurredTime")}
            </div>
            {field("sourceUrl")}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {hydrated ? <TickAll rows={rows} selection={selection} /> : null}
            {/* The first submit button is what Enter in a field presses: the ticked rows. */}
            <SubmitButton
              pending={pending}
              name="intent"
              value="selected"
              label={`Change the ${ticked.size ? `${formatNumber(ticked.size)} ` : ""}ticked`}
              pendingLabel="Saving…"
            />
            <SubmitButton
              pending={pending}
              variant="secondary"
              name="intent"
              value="preview"
              label={
                total > BULK_STATUS_MAX
                  ? `All ${formatNumber(total)} matching (over ${BULK_STATUS_MAX}: narrow the filters)`
                  : `Preview all ${formatNumber(total)} matching`
              }
            />
          </div>
          {report ? <BulkReport report={report} state={state} pending={pending} statusLabels={statusLabels} /> : null}
        </div>
      </details>
      <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>
    </form>
  );
}

/** "Tick all on this page" and its undo: with JavaScript only (without it, each box is ticked by hand). */
function TickAll({ rows, selection }: { rows: BulkStatusFormProps["rows"]; selection: Selection }) {
  const all = rows.length > 0 && rows.every((row) => selection.ticked.has(row.id));
  return (
    <button
      type="button"
      onClick={() => selection.set(rows, !all)}
      className="rounded-md px-2 py-1.5 text-sm font-medium text-accent-900 underline hover:bg-slate-50"
    >
      {all ? "Untick this page" : `Tick all ${formatNumber(rows.length)} on this page`}
    </button>
  );
}

function stateKey(state: ActionState<Data>): string {
  if (state.status === "ok") return `ok-${state.data.report.items.length}-${state.data.report.applied}`;
  return state.status === "error" ? `error-${state.formError}` : "idle";
}

function stringValues(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

const RESULT_WORDS: Record<BulkStatusRow["result"], string> = {
  moved: "Moved",
  ready: "Can move",
  stale: "Changed meanwhile",
  refused: "Refused",
  missing: "Not found",
};

/**
 * Every row of a refusal or a preview. After a refusal the refused rows are unticked in the list
 * (the page shows them as they are now: tick one again to move it anyway); after a preview of all
 * matching, the versions shown are what the confirming submit sends back.
 */
function BulkReport({
  report,
  state,
  pending,
  statusLabels,
}: {
  report: BulkStatusReport;
  state: ActionState<Data>;
  pending: boolean;
  statusLabels: BulkStatusFormProps["statusLabels"];
}) {
  const preview = state.status === "ok";
  const held = report.items.filter((row) => row.result !== "ready");
  const ready = report.items.length - held.length;
  return (
    <section
      aria-label={preview ? "Preview" : "Why nothing was applied"}
      className="rounded-md border border-slate-200"
    >
      <p className="border-b border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-800">
        {preview
          ? held.length
            ? `${grievanceCount(held.length)} of these cannot move to ${statusLabels[report.status]}, so the change would be refused: narrow the filters, or tick the others instead.`
            : `${grievanceCount(ready)} will move to ${statusLabels[report.status]}.`
          : `Nothing was applied. The ${grievanceCount(held.length)} below are unticked; tick one again to include it as it is now, or change the ${formatNumber(ready)} others.`}
      </p>
      <div className="max-h-72 overflow-y-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Each grievance and what the change would do</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                Grievance
              </th>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                Now
              </th>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(preview ? report.items : held).map((row) => (
              <tr key={row.id} data-result={row.result}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {row.title ? (
                    <Link href={`/grievances/${row.id}`} className="text-accent-900 underline">
                      {row.title}
                    </Link>
                  ) : (
                    row.id
                  )}
                </th>
                <td className="px-3 py-1.5">
                  {row.status ? <GrievanceStatusBadge status={row.status as GrievanceStatus} /> : "—"}
                </td>
                <td className="px-3 py-1.5">
                  <span className="font-medium">{RESULT_WORDS[row.result]}</span>
                  {row.message ? <span className="block text-xs text-slate-700">{row.message}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview && !held.length ? (
        <div className="flex items-center gap-2 border-t border-slate-200 px-3 py-2">
          {report.items.map((row) => (
            <input key={row.id} type="hidden" name={`seen.${row.id}`} value={row.version ?? ""} />
          ))}
          <SubmitButton pending={pending} name="intent" value="matching" label={`Change all ${formatNumber(ready)}`} />
        </div>
      ) : null}
    </section>
  );
}
