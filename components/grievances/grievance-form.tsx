"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  createGrievanceAction,
  updateGrievanceAction,
  type GrievanceActionState,
  type GrievanceFormValues,
} from "@/app/grievances/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { errorId, Field, FormStatus, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import { GrievanceStatusBadge } from "@/components/ui/status-badge";
import { LIMITS } from "@/lib/schemas/common";
import { GRIEVANCE_CATEGORIES, GRIEVANCE_CATEGORY_LABELS, type GrievanceCategory } from "@/lib/schemas/enums";
import type { GrievanceDetail } from "@/lib/schemas/grievance";
import { errorLinks, fieldError, refusalMessage } from "@/app/grievances/form-errors";

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
};

export type GrievanceFormProps = { parties: readonly PartyOption[] } & (
  | { mode: "create" }
  | {
      mode: "edit";
      grievance: Pick<
        GrievanceDetail,
        "id" | "version" | "title" | "description" | "category" | "raisedBy" | "addressedTo"
      >;
    }
);

const IDS = {
  title: "grievance-title",
  description: "grievance-description",
  category: "grievance-category",
  raisedBy: "grievance-raised-by",
  addressedTo: "grievance-addressed-to",
  quote: "grievance-citation-quote",
  source: "grievance-citation-source",
} as const;

/** Error keys (dotted paths from the server) of each field, in form order. */
const ERROR_FIELDS = [
  { name: "title", id: IDS.title, label: "Title" },
  { name: "description", id: IDS.description, label: "Description" },
  { name: "category", id: IDS.category, label: "Category" },
  { name: "raisedBy", id: `${IDS.raisedBy}-0`, label: "Raised by" },
  { name: "addressedTo", id: `${IDS.addressedTo}-0`, label: "Addressed to" },
  { name: "citations.0.quote", id: IDS.quote, label: "Quote" },
  { name: "citations.0.source", id: IDS.source, label: "Source" },
];

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
function fromValues(values: GrievanceFormValues): GrievanceFormFields {
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
};

/**
 * The new-grievance and edit forms: native controls posting to a server action, so they work
 * without JavaScript; a refusal comes back with the typed values, shown beside the errors.
 */
export function GrievanceForm(props: GrievanceFormProps) {
  const action = props.mode === "create" ? createGrievanceAction : updateGrievanceAction;
  const [state, formAction, pending] = useActionState<GrievanceActionState<GrievanceDetail>, FormData>(action, {
    status: "idle",
  });
  const failed = state.status === "error" ? state : null;
  const errors = failed?.fieldErrors ?? {};
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
  const values = failed?.values ? fromValues(failed.values) : initial;
  // After a conflict, "apply mine again" posts the typed values over the version now stored.
  const version = props.mode === "edit" ? (conflict?.version ?? props.grievance.version) : null;

  const links = errorLinks(errors, ERROR_FIELDS);
  const message = failed && !conflict ? refusalMessage(failed.formError, links.length) : null;
  const cancelHref = props.mode === "edit" ? `/grievances/${props.grievance.id}` : "/grievances";
  // A fresh set of controls for each answer, so the defaults below are what the analyst sees.
  const formKey = failed ? `${failed.code}-${JSON.stringify(failed.values ?? {})}-${version}` : "initial";

  return (
    <form
      key={formKey}
      action={formAction}
      noValidate
      className="max-w-3xl space-y-4"
      aria-describedby="grievance-form-status"
    >
      <FormStatus id="grievance-form-status" message={message} errors={links} />
      {conflict && props.mode === "edit" ? (
        <ConflictPanel current={conflict} mine={values} parties={props.parties} />
      ) : null}

      {props.mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={props.grievance.id} />
          <input type="hidden" name="version" value={version ?? ""} />
        </>
      ) : null}

      <Field label="Title" htmlFor={IDS.title} error={fieldError(errors, "title")}>
        <TextInput
          id={IDS.title}
          name="title"
          required
          maxLength={LIMITS.title}
          defaultValue={values.title}
          invalid={Boolean(fieldError(errors, "title"))}
        />
      </Field>

      <Field
        label="Description"
        htmlFor={IDS.description}
        error={fieldError(errors, "description")}
        hint="Background: what is asked, since when, and by whom."
        optional
      >
        <TextArea
          id={IDS.description}
          name="description"
          rows={5}
          maxLength={LIMITS.description}
          defaultValue={values.description}
          hint
          invalid={Boolean(fieldError(errors, "description"))}
        />
      </Field>

      <Field label="Category" htmlFor={IDS.category} error={fieldError(errors, "category")} className="max-w-xs">
        <NativeSelect
          id={IDS.category}
          name="category"
          required
          defaultValue={values.category}
          invalid={Boolean(fieldError(errors, "category"))}
        >
          <option value="" disabled>
            Choose a category
          </option>
          {GRIEVANCE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {GRIEVANCE_CATEGORY_LABELS[c]}
            </option>
          ))}
        </NativeSelect>
      </Field>

      <div className="grid gap-4 sm:grid-cols-2">
        <PartyCheckboxes
          legend="Raised by"
          name="raisedBy"
          idBase={IDS.raisedBy}
          parties={props.parties}
          checked={values.raisedBy}
          error={fieldError(errors, "raisedBy")}
        />
        <PartyCheckboxes
          legend="Addressed to"
          name="addressedTo"
          idBase={IDS.addressedTo}
          parties={props.parties}
          checked={values.addressedTo}
          error={fieldError(errors, "addressedTo")}
        />
      </div>

      {props.mode === "create" ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 bg-white px-4 pt-2 pb-4">
          <legend className="px-1 text-sm font-medium text-slate-800">
            Citation <span className="font-normal text-slate-500">(optional)</span>
          </legend>
          <Field
            label="Quote"
            htmlFor={IDS.quote}
            error={fieldError(errors, "citations.0.quote")}
            hint="The words of the source, as published."
          >
            <TextArea
              id={IDS.quote}
              name="citations.0.quote"
              rows={2}
              maxLength={LIMITS.quote}
              defaultValue={values.quote}
              hint
              invalid={Boolean(fieldError(errors, "citations.0.quote"))}
            />
          </Field>
          <Field
            label="Source"
            htmlFor={IDS.source}
            error={fieldError(errors, "citations.0.source")}
            hint="Its URL, or the title of a report that has none."
          >
            <TextInput
              id={IDS.source}
              name="citations.0.source"
              maxLength={LIMITS.url}
              defaultValue={values.source}
              hint
              invalid={Boolean(fieldError(errors, "citations.0.source"))}
            />
          </Field>
        </fieldset>
      ) : null}

      <div className="flex items-center gap-2 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {props.mode === "create" ? "Create grievance" : "Save changes"}
        </Button>
        <ButtonLink href={cancelHref} variant="ghost">
          Cancel
        </ButtonLink>
        {pending ? (
          <span className="text-sm text-slate-600" role="status">
            Saving…
          </span>
        ) : null}
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
      {error ? (
        <p id={errorId(idBase)} className="mt-1 flex items-start gap-1 text-xs font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
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
