"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { ActionState, FormAction } from "@/lib/forms/action-state";
import { FieldControl, targetsOf, type FieldSpec } from "./field-control";
import { FormFeedback, type FormFeedbackProps } from "./form-feedback";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

export type FieldListFormProps<T> = {
  action: FormAction<T>;
  /** The fields in form order; a nested list is one row of two columns on wide screens. */
  fields: ReadonlyArray<FieldSpec | readonly FieldSpec[]>;
  /** Posted as they are, e.g. where to go after signing in. */
  hidden?: Record<string, string>;
  label: string;
  pendingLabel: string;
  /** With it the button sits in a footer beside "Cancel"; without, it closes the form on its own. */
  cancelHref?: string;
  /** What to say on success in place of the action's message (a link to what was made). */
  success?: (state: Extract<ActionState<T>, { status: "ok" }>) => ReactNode;
  /** The id of the live region, which the form then names as its description. */
  statusId?: string;
  /** What a refusal with fields marked says, when not "Nothing was saved…" (signing in). */
  refusalMessage?: FormFeedbackProps["refusalMessage"];
  className: string;
};

/**
 * A form that is a list of labelled fields and one button: the party, venue, user, sign-in and
 * first-admin forms. It posts without JavaScript; a refusal shows the summary, each error beside
 * its field and what was typed (never a password) in place.
 */
export function FieldListForm<T>({
  action,
  fields,
  hidden = {},
  label,
  pendingLabel,
  cancelHref,
  success,
  statusId,
  refusalMessage,
  className,
}: FieldListFormProps<T>) {
  const { state, action: post, pending, errorOf, echo } = useFormAction(action);
  const control = (spec: FieldSpec) => (
    <FieldControl
      key={spec.name}
      spec={spec}
      error={errorOf(spec.name)}
      value={echo(spec.name) ?? spec.initial ?? ""}
    />
  );
  const button = <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} />;
  return (
    <form action={post} noValidate className={className} aria-describedby={statusId}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormFeedback
        id={statusId}
        state={state}
        fields={targetsOf(fields.flat())}
        refusalMessage={refusalMessage}
        success={state.status === "ok" ? success?.(state) : undefined}
      />
      {fields.map((entry) =>
        isRow(entry) ? (
          <div key={entry.map((spec) => spec.name).join()} className="grid gap-4 sm:grid-cols-2">
            {entry.map(control)}
          </div>
        ) : (
          control(entry)
        ),
      )}
      {cancelHref ? (
        <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
          {button}
          <Link href={cancelHref} className="text-sm text-accent-700 hover:text-accent-900 hover:underline">
            Cancel
          </Link>
        </div>
      ) : (
        button
      )}
    </form>
  );
}

function isRow(entry: FieldSpec | readonly FieldSpec[]): entry is readonly FieldSpec[] {
  return Array.isArray(entry);
}
