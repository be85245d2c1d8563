import type { ActionState } from "@/lib/forms/action-state";

// What a form says after its action answers, worked out apart from the markup so it can be
// tested as plain data. Importable by client components.

/** Where a field's errors are shown: the control's id, and a short label for the summary. */
export type FieldTarget = { htmlFor: string; label: string };

/** The form's fields by path, in the order they appear on the form. */
export type FieldTargets = Record<string, FieldTarget>;

/** The error of a field, or of any part of it ("raisedBy.1" counts for "raisedBy"). */
export function fieldError(errors: Partial<Record<string, string>>, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const key = Object.keys(errors).find((k) => k.startsWith(`${name}.`));
  return key ? errors[key] : undefined;
}

export type Summary =
  | { tone: "none" }
  | { tone: "success"; message: string }
  | {
      tone: "error";
      message: string;
      /** Further lines: the API's own words after a conflict, errors of fields the form does not show. */
      extra: string[];
      /** Each field error, linking to its control, in form order. */
      linked: Array<{ htmlFor: string; message: string }>;
    };

export type SummaryOptions = {
  /** Replaces the summary of a CONFLICT; the API's own message is kept below it. */
  conflictMessage?: string;
  /**
   * The summary of a refusal with fields marked, given "field" or "2 fields": for a form whose
   * refusal is not "Nothing was saved" (signing in saves nothing; it fails).
   */
  refusalMessage?: (fields: string) => string;
};

const nothingSaved = (fields: string) => `Nothing was saved. Fix the ${fields} marked below.`;

/** The path of the field an error belongs to: itself, or the field it is part of. */
function targetPath(path: string, fields: FieldTargets): string | undefined {
  if (fields[path]) return path;
  return Object.keys(fields).find((name) => path.startsWith(`${name}.`));
}

/**
 * On success the action's message; on a refusal a summary whose items link to the fields marked
 * below (one per field, named by its label unless the message already starts with it), errors
 * whose field is not on this form listed as text; a conflict leads with the form's explanation.
 */
export function summarize(
  state: ActionState<unknown>,
  fields: FieldTargets,
  { conflictMessage, refusalMessage = nothingSaved }: SummaryOptions = {},
): Summary {
  if (state.status === "ok") return { tone: "success", message: state.message ?? "Saved." };
  if (state.status !== "error") return { tone: "none" };
  const order = Object.keys(fields);
  const linked: Array<{ htmlFor: string; message: string; rank: number }> = [];
  const seen = new Set<string>();
  const loose: string[] = [];
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    const name = targetPath(path, fields);
    if (name === undefined) {
      loose.push(message);
      continue;
    }
    if (seen.has(name)) continue;
    seen.add(name);
    const { htmlFor, label } = fields[name]!;
    // "Title: Title is required" says it twice; name the field only when the message does not.
    const named = message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
    linked.push({ htmlFor, message: named, rank: order.indexOf(name) });
  }
  linked.sort((a, b) => a.rank - b.rank);
  const links = linked.map(({ htmlFor, message }) => ({ htmlFor, message }));
  if (state.code === "CONFLICT" && conflictMessage) {
    // Our explanation first, then the API's own words.
    return { tone: "error", message: conflictMessage, extra: [state.formError], linked: links };
  }
  if (links.length === 0)
    return { tone: "error", message: loose[0] ?? state.formError, extra: loose.slice(1), linked: [] };
  const count = links.length === 1 ? "field" : `${links.length} fields`;
  return { tone: "error", message: refusalMessage(count), extra: loose, linked: links };
}

/**
 * What a one-button or one-field form says on one line: the server's message on success; on a
 * refusal the first field message ("The last active admin must stay an admin") rather than the
 * summary, which would prefix the field's path.
 */
export function inlineResult(state: ActionState<unknown>): { message: string | null; tone: "error" | "success" } {
  if (state.status === "ok") return { message: state.message ?? "Done.", tone: "success" };
  if (state.status === "error")
    return { message: Object.values(state.fieldErrors)[0] ?? state.formError, tone: "error" };
  return { message: null, tone: "success" };
}
