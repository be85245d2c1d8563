import type { ReactNode } from "react";
import { FormStatus } from "@/components/ui/field";
import type { ActionState } from "@/lib/forms/action-state";
import { summarize, type FieldTargets, type SummaryOptions } from "./summary";

export type FormFeedbackProps = {
  state: ActionState<unknown>;
  /** Where each field error path is shown: the control's id and a short label for the summary. */
  fields: FieldTargets;
  /** Replaces the default message for a CONFLICT (the API's message is kept below it). */
  conflictMessage?: string;
  /** Replaces "Nothing was saved. Fix the 2 fields marked below." (see summarize). */
  refusalMessage?: SummaryOptions["refusalMessage"];
  /** Replaces the action's message on success (to add a link, or what to do next). */
  success?: ReactNode;
  id?: string;
  className?: string;
};

/**
 * The form-level live region of every form: on success the action's message; on a refusal a
 * summary whose items link to the fields marked below (see summarize). Always rendered, empty
 * while idle, so that screen readers announce what appears in it.
 */
export function FormFeedback({
  state,
  fields,
  conflictMessage,
  refusalMessage,
  success,
  id,
  className,
}: FormFeedbackProps) {
  const summary = summarize(state, fields, { conflictMessage, refusalMessage });
  if (summary.tone === "none") return <FormStatus id={id} />;
  if (summary.tone === "success") {
    return <FormStatus id={id} className={className} tone="success" message={success ?? summary.message} />;
  }
  return (
    <FormStatus
      id={id}
      className={className}
      tone="error"
      message={
        summary.extra.length ? (
          <>
            {summary.message}
            {summary.extra.map((m) => (
              <span key={m} className="mt-0.5 block text-xs font-normal">
                {m}
              </span>
            ))}
          </>
        ) : (
          summary.message
        )
      }
      errors={summary.linked}
    />
  );
}

/**
 * A field's error beside it, in a table row or wherever a <Field> does not fit. Its id is the
 * one the control's aria-describedby points at: errorId(controlId).
 */
export function InlineError({ id, message, className }: { id?: string; message: string; className?: string }) {
  return (
    <p id={id} className={className ?? "mt-1 text-xs font-medium text-red-700"}>
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
