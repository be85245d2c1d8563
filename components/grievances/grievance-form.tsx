"use client";

import Link from "next/link";
import { FormFeedback, InlineError } from "@/components/forms/form-feedback";
import { RecordIdField, SubmitButton } from "@/components/forms/submit-button";
import { FieldControl, targetsOf, type FieldSpec } from "@/components/forms/field-control";
import type { FieldTargets } from "@/components/forms/summary";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button, ButtonLink } from "@/components/ui/button";
import { errorId } from "@/components/ui/field";
import { formatDate } from "@/components/ui/format";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { createGrievanceAction, updateGrievanceAction } from "@/lib/actions/grievances";
import type { FormValues } from "@/lib/forms/action-state";
import { LIMITS } from "@/lib/schemas/common";
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CATEGORY_LABELS, type GrievanceCategory } from "@/lib/schemas/enums";
import type { GrievanceDetail } from "@/lib/schemas/grievance";

export type PartyOption = { slug: string; name: string };

/** The editable fields of a grievance, as the form holds them. */
export type GrievanceFormFields = {
  title: string;
  description: string;
  category: GrievanceCategory | "";
  raisedBy: string[];
  addressedTo: string[];
  quote: string;
  source: string;
  meetingId: string;
  raisedAt: string;
};

/** A meeting it may have been raised at. */
export type RaisedAtMeetingOption = { id: string; title: string; date: string | null };

export type GrievanceFormProps = { parties: readonly PartyOption[] } & (
  | { mode: "create"; meetings: readonly RaisedAtMeetingOption[] }
  | {
      mode: "edit";
      grievance: Pick<
        GrievanceDetail,
        "id" | "version" | "title" | "description" | "category" | "raisedBy" | "addressedTo"
      >;
    }
);

const SPECS = {
  title: {
    name: "title",
    id: "grievance-title",
    label: "Title",
    control: { required: true, maxLength: LIMITS.title },
  },
  description: {
    name: "description",
    id: "grievance-description",
    label: "Description",
    hint: "Background: what is asked, since when, and by whom.",
    optional: true,
    rows: 5,
    control: { maxLength: LIMITS.description },
  },
  category: {
    name: "category",
    id: "grievance-category",
    label: "Category",
    className: "max-w-xs",
    prompt: "Choose a category",
    options: GRIEVANCE_CATEGORIES.map((c) => ({ value: c, label: GRIEVANCE_CATEGORY_LABELS[c] })),
    control: { required: true },
  },
  quote: {
    name: "citations.0.quote",
    id: "grievance-citation-quote",
    label: "Quote",
    hint: "The words of the source, as published.",
    rows: 2,
    control: { maxLength: LIMITS.quote },
  },
  source: {
    name: "citations.0.source",
    id: "grievance-citation-source",
    label: "Source",
    hint: "Its URL, or the title of a report that has none.",
    control: { maxLength: LIMITS.url },
  },
  meetingId: {
    name: "meetingId",
    id: "grievance-raised-meeting",
    label: "At meeting",
    optional: true,
    className: "min-w-64 flex-1",
    options: [],
  },
  raisedAt: {
    name: "raisedAt",
    id: "grievance-raised-at",
    label: "Raised on",
    hint: "Empty: the meeting's date, else today. Not in the future.",
    optional: true,
    className: "w-56",
    control: { type: "date" },
  },
} satisfies Record<string, FieldSpec>;

/** The two party lists: a checkbox a party, ids `${id}-0`, `${id}-1`… */
const PARTY_LISTS = [
  { name: "raisedBy", legend: "Raised by", id: "grievance-raised-by" },
  { name: "addressedTo", legend: "Addressed to", id: "grievance-addressed-to" },
] as const;

/** Error paths from the server, in form order; a party list's errors link to its first box. */
const FIELDS: FieldTargets = {
  ...targetsOf([SPECS.title, SPECS.description, SPECS.category]),
  ...Object.fromEntries(PARTY_LISTS.map(({ name, legend, id }) => [name, { htmlFor: `${id}-0`, label: legend }])),
  ...targetsOf([SPECS.meetingId, SPECS.raisedAt, SPECS.quote, SPECS.source]),
};

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function asList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : typeof value === "string"
      ? [value]
      : [];
}

/** What the analyst typed, from a refused submission, in the form's shape. */
function fromValues(values: FormValues): GrievanceFormFields {
  const citation = (Array.isArray(values.citations) ? values.citations[0] : undefined) as
    Record<string, unknown> | undefined;
  return {
    title: asString(values.title),
    description: asString(values.description),
    category: asString(values.category) as GrievanceCategory | "",
    raisedBy: asList(values.raisedBy),
    addressedTo: asList(values.addressedTo),
    quote: asString(citation?.quote),
    source: asString(citation?.source),
    meetingId: asString(values.meetingId),
    raisedAt: asString(values.raisedAt),
  };
}

const EMPTY: GrievanceFormFields = {
  title: "",
  description: "",
  category: "",
  raisedBy: [],
  addressedTo: [],
  quote: "",
  source: "",
  meetingId: "",
  raisedAt: "",
};

/**
 * The new-grievance and edit forms: native controls posting to a server action, so they work
 * without JavaScript; a refusal comes back with the typed values, shown beside the errors.
 */
export function GrievanceForm(props: GrievanceFormProps) {
  const post = props.mode === "create" ? createGrievanceAction : updateGrievanceAction;
  const { state, action, pending, errorOf, values: typed } = useFormAction(post);
  const failed = state.status === "error" ? state : null;
  const conflict = failed?.code === "CONFLICT" && failed.current ? (failed.current as GrievanceDetail) : null;

  const initial: GrievanceFormFields =
    props.mode === "edit"
      ? {
          ...EMPTY,
          title: props.grievance.title,
          description: props.grievance.description,
          category: props.grievance.category,
          raisedBy: props.grievance.raisedBy.map((p) => p.slug),
          addressedTo: props.grievance.addressedTo.map((p) => p.slug),
        }
      : EMPTY;
  const values = typed ? fromValues(typed) : initial;
  // After a conflict, "apply mine again" posts the typed values over the version now stored.
  const version = props.mode === "edit" ? (conflict?.version ?? props.grievance.version) : null;

  const cancelHref = props.mode === "edit" ? `/grievances/${props.grievance.id}` : "/grievances";
  // A fresh set of controls for each answer, so the defaults below are what the analyst sees.
  const formKey = failed ? `${failed.code}-${JSON.stringify(typed ?? {})}-${version}` : "initial";

  return (
    <form
      key={formKey}
      action={action}
      noValidate
      className="max-w-3xl space-y-4"
      aria-describedby="grievance-form-status"
    >
      {/* A conflict is told by the panel below (an alert), not twice. */}
      <FormFeedback id="grievance-form-status" state={conflict ? { status: "idle" } : state} fields={FIELDS} />
      {conflict && props.mode === "edit" ? (
        <ConflictPanel current={conflict} mine={values} parties={props.parties} />
      ) : null}

      {props.mode === "edit" ? (
        <>
          <RecordIdField id={props.grievance.id} />
          <input type="hidden" name="version" value={version ?? ""} />
        </>
      ) : null}

      <FieldControl spec={SPECS.title} error={errorOf("title")} value={values.title} />
      <FieldControl spec={SPECS.description} error={errorOf("description")} value={values.description} />
      <FieldControl spec={SPECS.category} error={errorOf("category")} value={values.category} />

      <div className="grid gap-4 sm:grid-cols-2">
        {PARTY_LISTS.map(({ name, legend, id }) => (
          <PartyCheckboxes
            key={name}
            legend={legend}
            name={name}
            idBase={id}
            parties={props.parties}
            checked={values[name]}
            error={errorOf(name)}
          />
        ))}
      </div>

      {props.mode === "create" ? (
        <fieldset className="flex flex-wrap items-start gap-3 rounded-md border border-slate-200 bg-white px-4 pt-2 pb-4">
          <legend className="px-1 text-sm font-medium text-slate-800">
            Where and when it was first raised <span className="font-normal text-slate-500">(optional)</span>
          </legend>
          <FieldControl
            spec={{
              ...SPECS.meetingId,
              options: [
                { value: "", label: "No meeting" },
                ...props.meetings.map((m) => ({
                  value: m.id,
                  label: m.date ? `${m.title} (${formatDate(m.date)})` : m.title,
                })),
              ],
            }}
            error={errorOf("meetingId")}
            value={values.meetingId}
          />
          <FieldControl spec={SPECS.raisedAt} error={errorOf("raisedAt")} value={values.raisedAt} />
        </fieldset>
      ) : null}

      {props.mode === "create" ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white px-4 pt-2 pb-4">
          <legend className="px-1 text-sm font-medium text-slate-800">
            Citation <span className="font-normal text-slate-500">(optional)</span>
          </legend>
          <FieldControl spec={SPECS.quote} error={errorOf(SPECS.quote.name)} value={values.quote} />
          <FieldControl spec={SPECS.source} error={errorOf(SPECS.source.name)} value={values.source} />
        </fieldset>
      ) : null}

      <div className="flex items-center gap-2 border-t border-slate-200 pt-4">
        <SubmitButton
          pending={pending}
          label={props.mode === "create" ? "Create grievance" : "Save changes"}
          pendingLabel="Saving…"
        />
        <ButtonLink href={cancelHref} variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

function PartyCheckboxes({
  legend,
  name,
  idBase,
  parties,
  checked,
  error,
}: {
  legend: string;
  name: string;
  idBase: string;
  parties: readonly PartyOption[];
  checked: readonly string[];
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? errorId(idBase) : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <div
        className={"space-y-1 rounded-md border bg-white px-3 py-2 " + (error ? "border-red-600" : "border-slate-300")}
      >
        {parties.map((p, i) => (
          <label key={p.slug} htmlFor={`${idBase}-${i}`} className="flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              id={`${idBase}-${i}`}
              name={name}
              value={p.slug}
              defaultChecked={checked.includes(p.slug)}
              className="size-4 rounded border-slate-400 accent-accent-600"
            />
            {p.name}
          </label>
        ))}
        {parties.length === 0 ? (
          <p className="text-sm text-slate-600">
            No parties yet.{" "}
            <Link href="/parties" className="text-accent-700 underline">
              Add one first
            </Link>
            .
          </p>
        ) : null}
      </div>
      {error ? <InlineError id={errorId(idBase)} message={error} /> : null}
    </fieldset>
  );
}

/** Theirs (stored now) beside yours (typed), field by field, after a version conflict. */
function ConflictPanel({
  current,
  mine,
  parties,
}: {
  current: GrievanceDetail;
  mine: GrievanceFormFields;
  parties: readonly PartyOption[];
}) {
  const name = (slug: string) => parties.find((p) => p.slug === slug)?.name ?? slug;
  const rows: Array<{ label: string; theirs: string; yours: string }> = [
    { label: "Title", theirs: current.title, yours: mine.title },
    { label: "Description", theirs: current.description, yours: mine.description },
    {
      label: "Category",
      theirs: GRIEVANCE_CATEGORY_LABELS[current.category],
      yours: mine.category ? GRIEVANCE_CATEGORY_LABELS[mine.category] : "",
    },
    {
      label: "Raised by",
      theirs: current.raisedBy.map((p) => p.name).join(", "),
      yours: mine.raisedBy.map(name).join(", "),
    },
    {
      label: "Addressed to",
      theirs: current.addressedTo.map((p) => p.name).join(", "),
      yours: mine.addressedTo.map(name).join(", "),
    },
  ];
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">
        Someone else changed this grievance while you were editing. Your changes were not saved.
      </p>
      <p className="mt-1">
        It is now at version {current.version}, status <GrievanceStatusBadge status={current.status} />. Compare below;
        &ldquo;Apply mine again&rdquo; saves your values over theirs, or{" "}
        <Link href={`/grievances/${current.id}/edit`} className="font-medium underline">
          start again from theirs
        </Link>
        .
      </p>
      <table className="mt-3 w-full border-collapse bg-white text-left text-sm text-slate-900">
        <caption className="sr-only">Their values and yours</caption>
        <thead>
          <tr className="border-b border-amber-200">
            <th scope="col" className="px-2 py-1 font-semibold">
              Field
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              Theirs (now)
            </th>
            <th scope="col" className="px-2 py-1 font-semibold">
              Yours
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const differs = row.theirs.trim() !== row.yours.trim();
            return (
              <tr key={row.label} className="border-b border-amber-100 align-top last:border-0">
                <th scope="row" className="px-2 py-1 font-medium whitespace-nowrap">
                  {row.label}
                  {differs ? <span className="ml-1 text-xs font-normal text-amber-800">(differs)</span> : null}
                </th>
                <td className="px-2 py-1 whitespace-pre-line">{row.theirs || "—"}</td>
                <td className={"px-2 py-1 whitespace-pre-line " + (differs ? "font-medium" : "")}>
                  {row.yours || "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-3">
        {/* Inside the form: posts the typed values with the version now stored. */}
        <Button type="submit" variant="primary">
          Apply mine again
        </Button>
      </div>
    </div>
  );
}
