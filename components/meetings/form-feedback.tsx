import type { FormState } from "@/lib/form-state";
import { FormStatus } from "@/components/ui/field";

/** Field errors of a form state, keyed by dotted path ({} unless it is an error). */
export function errorsOf(state: FormState<unknown>): Record<string, string> {
  return state.status === "error" ? state.fieldErrors : {};
}

export type FieldTarget = { htmlFor: string; label: string };

export type FormFeedbackProps = {
  state: FormState<unknown>;
  /** Where each field error path is shown: the control's id and a short label for the summary. */
  fields: Record<string, FieldTarget>;
  /** Replaces the default message for a CONFLICT (the API's message is kept below it). */
  conflictMessage?: string;
  id?: string;
  className?: string;
};

/**
 * The form-level live region: on success the action's message; on failure a summary whose items
 * link to the fields marked below (errors whose field is not on this form are listed as text).
 */
export function FormFeedback({ state, fields, conflictMessage, id, className }: FormFeedbackProps) {
  if (state.status === "ok") {
    return <FormStatus id={id} className={className} tone="success" message={state.message ?? "Saved."} />;
  }
  // Idle: the live region is there, empty and without spacing, ready to announce.
  if (state.status !== "error") return <FormStatus id={id} />;
  const linked: Array<{ htmlFor: string; message: string }> = [];
  const loose: string[] = [];
  // In the order the fields appear on the form, then anything the form does not show.
  const order = Object.keys(fields);
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const entries = Object.entries(state.fieldErrors).sort(([a], [b]) => rank(a) - rank(b));
  for (const [path, message] of entries) {
    const target = fields[path];
    // "Title: Title is required" says it twice; name the field only when the message does not.
    const named = message.toLowerCase().startsWith(target?.label.toLowerCase() ?? "\u0000");
    if (target) linked.push({ htmlFor: target.htmlFor, message: named ? message : `${target.label}: ${message}` });
    else loose.push(message);
  }
  let message: string;
  let extra: string[];
  if (state.code === "CONFLICT" && conflictMessage) {
    // Our explanation first, then the API's own words.
    message = conflictMessage;
    extra = [state.formError];
  } else if (linked.length === 0) {
    message = loose[0] ?? state.formError;
    extra = loose.slice(1);
  } else {
    message = `Nothing was saved. Fix the ${linked.length === 1 ? "field" : `${linked.length} fields`} marked below.`;
    extra = loose;
  }
  return (
    <FormStatus
      id={id}
      className={className}
      tone="error"
      message={
        extra.length ? (
          <>
            {message}
            {extra.map((m) => (
              <span key={m} className="mt-0.5 block text-xs font-normal">
                {m}
              </span>
            ))}
          </>
        ) : (
          message
        )
      }
      errors={linked}
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
