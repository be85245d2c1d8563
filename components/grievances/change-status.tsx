"use client";

import { useMutation, useMutationState, type MutationState } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import { fieldError } from "@/components/forms/summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { formatDate, toIsoDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { changeGrievanceStatusAction } from "@/lib/actions/grievances";
import { validationFailed, zodIssues } from "@/lib/errors";
import { actionStateFromError, type ErrorState } from "@/lib/forms/action-state";
import { OCCURRED_FIELDS, occurredAtOf } from "@/lib/forms/occurred-at";
import { grievanceMutationKeys } from "@/lib/queries/keys";
import {
  GRIEVANCE_STATUSES,
  GRIEVANCE_STATUS_LABELS,
  type GrievanceStatus,
  type MeetingStatus,
} from "@/lib/schemas/enums";
import { GrievanceUpdateSchema, type GrievanceDetail } from "@/lib/schemas/grievance";
import { StatusChange } from "./status-change";
import { TimelineEntry, type TimelineItem } from "./timeline-entry";

// Changing a grievance's status, optimistically. The mutation runs in <ChangeStatusControl>; the
// badge and the timeline read its variables through useMutationState (TanStack's "optimistic
// updates via the UI" pattern), so there is no client copy of the grievance to keep in sync with
// the server-rendered page: while saving they show what was asked, once saved what the server
// answered until router.refresh() brings a page at that version, and on a refusal nothing
// (the rollback), with the dialog reopened to say why.

export type MeetingOption = { id: string; title: string; date: string | null; status: MeetingStatus };

/** What the server-rendered page knows: the status and version it was rendered at. */
export type StatusSnapshot = { id: string; status: GrievanceStatus; version: number };

type ChangeVariables = {
  status: GrievanceStatus;
  reason: string;
  version: number;
  meetingId: string;
  sourceUrl: string;
  occurredDate: string;
  occurredTime: string;
  /** For the optimistic entry only. */
  from: GrievanceStatus;
  at: string;
  meeting: { id: string; title: string } | null;
};

/** A refusal the server answered with (validation, conflict…), as an Error for React Query. */
class ChangeRefused extends Error {
  constructor(readonly refusal: ErrorState) {
    super(refusal.formError);
    this.name = "ChangeRefused";
  }
}

type Values = {
  status: GrievanceStatus | "";
  reason: string;
  meetingId: string;
  occurredDate: string;
  occurredTime: string;
  sourceUrl: string;
};

/** The fields of a status change; the two selects get their options when rendered. */
const SPECS = {
  status: { name: "status", id: "change-status-status", label: "New status", options: [], control: { required: true } },
  reason: {
    name: "reason",
    id: "change-status-reason",
    label: "Reason",
    hint: "What happened: who said what, at which round. It is shown in the timeline.",
    rows: 3,
    control: { required: true },
  },
  meetingId: { name: "meetingId", id: "change-status-meeting", label: "Meeting", optional: true, options: [] },
  occurredDate: {
    name: OCCURRED_FIELDS.date,
    id: "change-status-date",
    label: "Happened on",
    optional: true,
    hint: "The meeting's date when a meeting is chosen; empty: now. Not in the future.",
    className: "flex-1",
    control: { type: "date" },
  },
  occurredTime: {
    name: OCCURRED_FIELDS.time,
    id: "change-status-time",
    label: "Time (UTC)",
    optional: true,
    className: "w-32",
    control: { type: "time" },
  },
  sourceUrl: {
    name: "sourceUrl",
    id: "change-status-source",
    label: "Source URL",
    optional: true,
    control: { type: "url", inputMode: "url", placeholder: "https://…" },
  },
} satisfies Record<keyof Values, FieldSpec>;

// The server names the date `occurredAt`: its errors point at the date field.
const FIELDS = {
  ...targetsOf(Object.values(SPECS)),
  [OCCURRED_FIELDS.api]: { htmlFor: SPECS.occurredDate.id, label: SPECS.occurredDate.label },
};

function toFormData(
  id: string,
  v: Pick<
    ChangeVariables,
    "status" | "reason" | "version" | "meetingId" | "sourceUrl" | "occurredDate" | "occurredTime"
  >,
): FormData {
  const data = new FormData();
  data.set("id", id);
  data.set("version", String(v.version));
  data.set("status", v.status);
  data.set("reason", v.reason);
  data.set("meetingId", v.meetingId);
  data.set("sourceUrl", v.sourceUrl);
  data.set(OCCURRED_FIELDS.date, v.occurredDate);
  data.set(OCCURRED_FIELDS.time, v.occurredTime);
  return data;
}

/** The entry typed last (the timeline sorts by when things happened, so it need not be the last). */
function latestRecorded<T extends { recordedAt: string }>(history: readonly T[]): T | undefined {
  return history.reduce<T | undefined>(
    (latest, h) => (!latest || h.recordedAt >= latest.recordedAt ? h : latest),
    undefined,
  );
}

/** The change of this grievance to show instead of the server's render, if any. */
function useLatestChange(server: StatusSnapshot) {
  const states = useMutationState({
    filters: { mutationKey: grievanceMutationKeys.changeStatus(server.id) },
    select: (m) => m.state as MutationState<GrievanceDetail, Error, ChangeVariables>,
  });
  const latest = states.at(-1);
  // (Unless the page already shows a newer version: the server caught up before the mutation settled.)
  if (latest?.status === "pending" && latest.variables && server.version <= latest.variables.version) {
    return { kind: "saving" as const, variables: latest.variables };
  }
  // Saved, but the page has not been re-rendered at the new version yet.
  if (latest?.status === "success" && latest.data && latest.data.version > server.version) {
    return { kind: "saved" as const, detail: latest.data };
  }
  return null;
}

/** The status badge in the page header: the server's, or the one being saved ("saving…"). */
export function LiveStatusBadge({ snapshot }: { snapshot: StatusSnapshot }) {
  const change = useLatestChange(snapshot);
  if (change?.kind === "saving") {
    return (
      <span className="inline-flex items-center gap-1.5">
        <GrievanceStatusBadge status={change.variables.status} />
        <span className="text-xs text-accent-800">saving…</span>
      </span>
    );
  }
  return <GrievanceStatusBadge status={change?.kind === "saved" ? change.detail.status : snapshot.status} />;
}

/** The newest timeline entry while it is being saved, or saved but not yet on the page. */
export function LiveTimelineEntry({ snapshot }: { snapshot: StatusSnapshot }) {
  const change = useLatestChange(snapshot);
  if (change?.kind === "saving") {
    const v = change.variables;
    const item: TimelineItem = {
      from: v.from,
      to: v.status,
      reason: v.reason,
      at: v.at,
      meeting: v.meeting,
      source: v.sourceUrl
        ? { title: v.sourceUrl, url: v.sourceUrl, publisher: null, publishedAt: null, note: null }
        : null,
      actor: null,
    };
    return <TimelineEntry item={item} saving />;
  }
  if (change?.kind === "saved") {
    const entry = latestRecorded(change.detail.history);
    return entry ? <TimelineEntry item={entry} /> : null;
  }
  return null;
}

/**
 * Where the dialog starts: no meeting (never a guess, so that a move is not filed at a round it
 * did not happen at) unless the analyst came from a meeting's page, then that meeting, dated on
 * its day.
 */
function initialValues(meetings: readonly MeetingOption[], fromMeetingId: string | undefined): Values {
  const meeting = meetings.find((m) => m.id === fromMeetingId);
  return {
    status: "",
    reason: "",
    meetingId: meeting?.id ?? "",
    occurredDate: toIsoDate(meeting?.date),
    occurredTime: "",
    sourceUrl: "",
  };
}

export type ChangeStatusControlProps = {
  snapshot: StatusSnapshot;
  meetings: readonly MeetingOption[];
  /** The meeting the analyst came from (`?meeting=` on the grievance's page), preselected. */
  fromMeetingId?: string;
};

/**
 * The "Change status" button and dialog. Before JavaScript runs (or without it) it renders the
 * same fields as a plain form in a <details>, posting to the same server action.
 */
export function ChangeStatusControl(props: ChangeStatusControlProps) {
  const hydrated = useHydrated();
  return hydrated ? <ChangeStatusDialog {...props} /> : <ChangeStatusFallback {...props} />;
}

function ChangeStatusDialog({ snapshot, meetings, fromMeetingId }: ChangeStatusControlProps) {
  const router = useRouter();
  const latest = useLatestChange(snapshot);
  // What the grievance is now, as far as this tab knows.
  const current =
    latest?.kind === "saved" ? { status: latest.detail.status, version: latest.detail.version } : snapshot;

  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(() => initialValues(meetings, fromMeetingId));
  // Whether the analyst typed a date: until then it follows the chosen meeting's.
  const [dateTyped, setDateTyped] = useState(false);
  // Why the last try was not saved: the server's refusal, or the same schema's, checked here first.
  const [refusal, setRefusal] = useState<ErrorState | null>(null);
  const [conflict, setConflict] = useState<{ current: GrievanceDetail; mine: ChangeVariables } | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const mutation = useMutation({
    mutationKey: grievanceMutationKeys.changeStatus(snapshot.id),
    mutationFn: async (variables: ChangeVariables) => {
      const result = await changeGrievanceStatusAction({ status: "idle" }, toFormData(snapshot.id, variables));
      if (result.status === "error") throw new ChangeRefused(result);
      if (result.status !== "ok") throw new Error("The server did not answer; try again.");
      return result.data;
    },
    onSuccess: (detail) => {
      setValues((v) => ({ ...v, status: "", reason: "", sourceUrl: "" }));
      setAnnouncement(`Status changed to ${GRIEVANCE_STATUS_LABELS[detail.status]}.`);
    },
    onError: (error, variables) => {
      // The optimistic entry is gone (the mutation is no longer pending); say why, in the dialog.
      if (error instanceof ChangeRefused && error.refusal.code === "CONFLICT" && error.refusal.current) {
        setConflict({ current: error.refusal.current as GrievanceDetail, mine: variables });
        setRefusal(null);
      } else if (error instanceof ChangeRefused) {
        setConflict(null);
        setRefusal(error.refusal);
      } else {
        setConflict(null);
        setRefusal({
          status: "error",
          code: "INTERNAL",
          formError: "The change could not be saved (the server did not answer). Nothing was changed; try again.",
          fieldErrors: {},
        });
      }
      setValues({
        status: variables.status,
        reason: variables.reason,
        meetingId: variables.meetingId,
        occurredDate: variables.occurredDate,
        occurredTime: variables.occurredTime,
        sourceUrl: variables.sourceUrl,
      });
      setAnnouncement("The status change was not saved.");
      setOpen(true);
    },
    // Either way the page re-renders from the server: the new entry, or someone else's change.
    onSettled: () => router.refresh(),
  });

  const allowed = GRIEVANCE_STATUSES.filter((s) => s !== current.status);

  function onOpenChange(next: boolean) {
    if (next) {
      setValues((v) => ({ ...v, status: v.status && v.status !== current.status ? v.status : (allowed[0] ?? "") }));
    } else {
      setConflict(null);
      setRefusal(null);
    }
    setOpen(next);
  }

  function submit(variables: ChangeVariables) {
    setOpen(false);
    setConflict(null);
    setRefusal(null);
    setAnnouncement("Saving the status change…");
    mutation.mutate(variables);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The same schema (and so the same messages) the server applies, for instant feedback; the
    // server checks again.
    const { occurredDate, occurredTime, ...fields } = values;
    const parsed = GrievanceUpdateSchema.safeParse({
      ...fields,
      occurredAt: occurredAtOf(occurredDate, occurredTime),
      version: current.version,
    });
    if (!parsed.success) {
      setRefusal(actionStateFromError(validationFailed(zodIssues(parsed.error))));
      return;
    }
    const meeting = meetings.find((m) => m.id === values.meetingId);
    submit({
      status: parsed.data.status ?? current.status,
      reason: parsed.data.reason ?? "",
      version: current.version,
      meetingId: values.meetingId,
      sourceUrl: values.sourceUrl.trim(),
      occurredDate,
      occurredTime,
      from: current.status,
      // As the server will date it: the given date, else the meeting's, else now.
      at: (parsed.data.occurredAt ?? (meeting?.date ? new Date(meeting.date) : new Date())).toISOString(),
      meeting: meeting ? { id: meeting.id, title: meeting.title } : null,
    });
  }

  function applyMineAgain() {
    if (!conflict) return;
    submit({ ...conflict.mine, version: conflict.current.version, from: conflict.current.status });
  }

  return (
    <>
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>
          <Button variant="secondary" disabled={mutation.isPending}>
            {mutation.isPending ? "Saving…" : "Change status"}
          </Button>
        </DialogTrigger>
        <DialogContent
          title="Change status"
          description={
            <>
              Now <GrievanceStatusBadge status={current.status} />. The change is added to the timeline with your
              reason.
            </>
          }
        >
          {conflict ? (
            <ConflictNotice conflict={conflict} onApply={applyMineAgain} />
          ) : (
            <form noValidate onSubmit={onSubmit} aria-label="Change status">
              <FormFeedback className="mb-3" state={refusal ?? { status: "idle" }} fields={FIELDS} />
              <StatusFields
                allowed={allowed}
                meetings={meetings}
                values={values}
                errors={refusal?.fieldErrors ?? {}}
                onChange={(patch) => {
                  if (patch.occurredDate !== undefined) setDateTyped(true);
                  setValues((v) => {
                    const next = { ...v, ...patch };
                    // A newly chosen meeting brings its date, unless the analyst typed one.
                    if (patch.meetingId !== undefined && !dateTyped) {
                      next.occurredDate = toIsoDate(meetings.find((m) => m.id === patch.meetingId)?.date);
                    }
                    return next;
                  });
                }}
              />
              <DialogFooter>
                <DialogClose asChild>
                  <Button>Cancel</Button>
                </DialogClose>
                <SubmitButton pending={mutation.isPending} label="Save status" />
              </DialogFooter>
            </form>
          )}
        </DialogContent>
      </Dialog>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

function ConflictNotice({
  conflict,
  onApply,
}: {
  conflict: { current: GrievanceDetail; mine: ChangeVariables };
  onApply: () => void;
}) {
  const { current, mine } = conflict;
  const theirs = latestRecorded(current.history);
  const nothingToApply = current.status === mine.status;
  return (
    <div>
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
        <p className="font-medium">Someone else changed this grievance first. Your change was not saved.</p>
        <p className="mt-1">
          It is now <GrievanceStatusBadge status={current.status} /> at version {current.version} (you saw version{" "}
          {mine.version}).
        </p>
      </div>
      <dl className="mt-3 grid grid-cols-[5.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
        {theirs ? (
          <>
            <dt className="text-slate-600">Latest move</dt>
            <dd>
              <StatusChange from={theirs.from} to={theirs.to} />
              <span className="ml-1 text-slate-600">{formatDate(theirs.at)}</span>
              {theirs.reason ? <p className="mt-0.5 text-slate-800">{theirs.reason}</p> : null}
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600">Yours</dt>
        <dd>
          <StatusChange from={mine.from} to={mine.status} />
          <p className="mt-0.5 text-slate-800">{mine.reason}</p>
        </dd>
      </dl>
      {nothingToApply ? (
        <p className="mt-3 text-sm text-slate-700">
          It already has the status you chose, so there is nothing to apply.
        </p>
      ) : null}
      <DialogFooter>
        <DialogClose asChild>
          <Button>{nothingToApply ? "Close" : "Keep theirs"}</Button>
        </DialogClose>
        {nothingToApply ? null : (
          <Button variant="primary" onClick={onApply}>
            Apply mine again
          </Button>
        )}
      </DialogFooter>
    </div>
  );
}

type StatusFieldsProps = {
  allowed: readonly GrievanceStatus[];
  meetings: readonly MeetingOption[];
  errors: Partial<Record<string, string>>;
  /** Controlled (dialog) when given; uncontrolled with these defaults (plain form) otherwise. */
  values: Values;
  onChange?: (patch: Partial<Values>) => void;
};

/** The fields of a status change, shared by the dialog and the no-JavaScript form. */
function StatusFields({ allowed, meetings, errors, values, onChange }: StatusFieldsProps) {
  const specs: Record<keyof Values, FieldSpec> = {
    ...SPECS,
    status: { ...SPECS.status, options: allowed.map((s) => ({ value: s, label: GRIEVANCE_STATUS_LABELS[s] })) },
    meetingId: {
      ...SPECS.meetingId,
      options: [
        { value: "", label: "No meeting" },
        ...meetings.map((m) => ({ value: m.id, label: m.date ? `${m.title} (${formatDate(m.date)})` : m.title })),
      ],
    },
  };
  const field = (name: keyof Values, error = fieldError(errors, name)) => (
    <FieldControl
      key={name}
      spec={specs[name]}
      error={error}
      value={values[name]}
      onChange={onChange && ((value) => onChange({ [name]: value } as Partial<Values>))}
    />
  );
  return (
    <div className="space-y-3">
      {field("status")}
      {field("reason")}
      {field("meetingId")}
      <div className="flex items-start gap-3">
        {field("occurredDate", fieldError(errors, OCCURRED_FIELDS.api) ?? fieldError(errors, "occurredDate"))}
        {field("occurredTime")}
      </div>
      {field("sourceUrl")}
    </div>
  );
}

/** Without JavaScript: the same fields in a <details>, posted as a plain form. */
function ChangeStatusFallback({ snapshot, meetings, fromMeetingId }: ChangeStatusControlProps) {
  const { state, action, pending, errors, echo } = useFormAction(changeGrievanceStatusAction);
  const formId = useId();
  const initial = initialValues(meetings, fromMeetingId);
  const values: Values = {
    status: (echo("status") as GrievanceStatus | undefined) ?? "",
    reason: echo("reason") ?? "",
    meetingId: echo("meetingId") ?? initial.meetingId,
    occurredDate: echo(OCCURRED_FIELDS.date) ?? initial.occurredDate,
    occurredTime: echo(OCCURRED_FIELDS.time) ?? "",
    sourceUrl: echo("sourceUrl") ?? "",
  };
  return (
    <details open={state.status === "error"} className="group relative">
      <summary className={buttonClasses({ className: "cursor-pointer list-none [&::-webkit-details-marker]:hidden" })}>
        Change status
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-[min(28rem,calc(100vw-2rem))] rounded-md border border-slate-200 bg-white p-4 shadow-lg">
        <form action={action} noValidate aria-labelledby={`${formId}-title`}>
          <h2 id={`${formId}-title`} className="mb-3 text-base font-semibold">
            Change status
          </h2>
          <FormFeedback className="mb-3" state={state} fields={FIELDS} />
          <RecordIdField id={snapshot.id} />
          <input type="hidden" name="version" value={snapshot.version} />
          <StatusFields
            allowed={GRIEVANCE_STATUSES.filter((s) => s !== snapshot.status)}
            meetings={meetings}
            values={values}
            errors={errors}
          />
          <div className="mt-4 flex justify-end">
            <SubmitButton pending={pending} label="Save status" />
          </div>
        </form>
      </div>
    </details>
  );
}
