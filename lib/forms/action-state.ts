import { isAppError, type ErrorCode } from "@/lib/errors";

// What every server action returns to its form (lib/actions → components/forms). Expected failures
// are values, shown beside the fields; `values` carries back what was typed, so the form shows it
// again with or without JavaScript. Importable by client components: no server code here.

/** The posted fields as lib/forms/form-data.ts reads them (strings, lists, nested rows). */
export type FormValues = Record<string, unknown>;

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T; message?: string }
  | {
      status: "error";
      code: ErrorCode;
      formError: string;
      /** Dotted field path → message, from the same zod issues the API returns. */
      fieldErrors: Record<string, string>;
      /** For CONFLICT: the record as it stands now. */
      current?: unknown;
      /** What was typed (never a password), for the form to show again. */
      values?: FormValues;
    };

export type ErrorState = Extract<ActionState, { status: "error" }>;

/** A server action as useActionState calls it (lib/actions/form-action.ts makes them). */
export type FormAction<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** Turns a thrown AppError into form state; anything else is unexpected and goes on up. */
export function actionStateFromError(error: unknown, values?: FormValues): ErrorState {
  if (!isAppError(error)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.path && !(issue.path in fieldErrors)) fieldErrors[issue.path] = issue.message;
  }
  const state: ErrorState = { status: "error", code: error.code, formError: error.message, fieldErrors };
  if (error.current !== undefined) state.current = error.current;
  if (values !== undefined) state.values = values;
  return state;
}

/** The field errors of a state ({} unless it is a refusal). */
export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string> {
  return state.status === "error" ? state.fieldErrors : {};
}

/** The values a refused form carries back (undefined otherwise). */
export function valuesOf(state: ActionState<unknown>): FormValues | undefined {
  return state.status === "error" ? state.values : undefined;
}

/** The string value of a field in echoed values (undefined when absent or not a string). */
export function echoed(values: FormValues | undefined, key: string): string | undefined {
  const value = values?.[key];
  return typeof value === "string" ? value : undefined;
}
