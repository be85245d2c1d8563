import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionStateFromError, type ErrorState, type FormAction, type FormValues } from "@/lib/forms/action-state";
import { formDataToObject } from "@/lib/forms/form-data";
import type { Actor } from "@/lib/server/authz";
import { currentActor } from "@/lib/server/session";

// The one way a server action is written (ADR 009). Every server action is a public POST endpoint
// (a plain HTML form can reach it with no JavaScript), so it does nothing of its own beyond
// reading the form: lib/server authorizes, validates with the shared schema and writes. The wrapper
// resolves the actor, reads the form (the record's id, if any, always comes from a hidden field
// named `id`: never bound, see vercel/next.js#98045), calls lib/server, and turns an AppError into
// form state that carries back what was typed; then it revalidates and redirects or reports.

export type FormActionInput = {
  actor: Actor | null;
  /** The hidden `id` field ("" when the form has none): the record the form is about. */
  id: string;
  /** The other posted fields, for the lib/server call (its schema refuses keys it does not know). */
  input: FormValues;
};

export type FormActionOptions<T> = {
  /** Keys posted as lists even when one value arrives (checkbox groups, multi-selects). */
  arrays?: readonly string[];
  /** Keys never echoed back to the browser (passwords). */
  secret?: readonly string[];
  /**
   * Keys posted as files (`<input type="file">`, the CSV import), read as UTF-8 text into the
   * input; formDataToObject reads strings only. Next has capped the whole body at 1 MiB already.
   */
  files?: readonly string[];
  /** The one lib/server call. It may throw an AppError, which becomes the form's refusal. */
  run: (args: FormActionInput) => Promise<T>;
  /** Paths whose rendering the change affects (layouts as `[path, "layout"]`). */
  revalidate?: (result: T, args: FormActionInput) => ReadonlyArray<string | readonly [string, "layout" | "page"]>;
  /** Where to go on success; without it the form stays and shows `message`. */
  redirectTo?: (result: T) => string;
  message?: (result: T) => string;
  /**
   * Refines a refusal before it goes back (maps row numbers, adds fresh data for a conflict,
   * revalidates so the page shows the other change). Returns the state to send.
   */
  onError?: (state: ErrorState, args: FormActionInput) => Promise<ErrorState> | ErrorState;
};

export function formAction<T>(options: FormActionOptions<T>): FormAction<T> {
  return async (_previous, formData) => {
    let form: Record<string, unknown>;
    try {
      form = formDataToObject(formData, options.arrays);
    } catch (error) {
      // A form too deep or too large to read (lib/forms/form-data.ts) is refused, naming the field.
      return actionStateFromError(error);
    }
    for (const key of options.files ?? []) {
      const file = formData.get(key);
      form[key] = file instanceof File ? await file.text() : (file ?? undefined);
    }
    const { id, ...input } = form;
    const args: FormActionInput = { actor: await currentActor(), id: typeof id === "string" ? id : "", input };
    let result: T;
    try {
      result = await options.run(args);
    } catch (error) {
      const values = Object.fromEntries(Object.entries(input).filter(([key]) => !options.secret?.includes(key)));
      const state = actionStateFromError(error, values);
      return options.onError ? options.onError(state, args) : state;
    }
    revalidate(options.revalidate?.(result, args) ?? []);
    // redirect() throws Next's redirect signal: it must run outside the try above.
    if (options.redirectTo) redirect(options.redirectTo(result));
    return { status: "ok", data: result, message: options.message?.(result) };
  };
}

export function revalidate(paths: ReadonlyArray<string | readonly [string, "layout" | "page"]>): void {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path[0], path[1]);
  }
}
