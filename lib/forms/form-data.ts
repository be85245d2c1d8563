import { AppError } from "@/lib/errors";

// FormData as a plain object for the shared zod schemas. Importable by client components.

/**
 * What a posted form may hold. A server action is a public POST endpoint and reads the form
 * before anything is authorized, so a key nested thousands of levels deep (which overflowed the
 * stack) or a form of a million keys is refused here, naming the field. The app's deepest key is
 * "outcomes.0.note"; its largest form, 50 outcome rows of a few fields.
 */
export const FORM_LIMITS = { depth: 8, keyLength: 200, keys: 1_000 } as const;

/** A field name as an issue path: cut, since the refused ones can be very long. */
const shown = (key: string) => (key.length > 60 ? `${key.slice(0, 60)}…` : key);

function refuse(path: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", path ? `${path}: ${message}` : message, { issues: [{ path, message }] });
}

/**
 * Keys that repeat (multi-selects) and keys named in `arrays` become arrays; "outcomes.0.note"
 * style keys become nested objects and arrays, so a table of rows posts as one list. A form
 * beyond FORM_LIMITS is refused with VALIDATION_FAILED.
 */
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Next's own fields ($ACTION_ID_…, $ACTION_REF_…) are not the form's.
  const keys = [...new Set(formData.keys())].filter((key) => !key.startsWith("$ACTION"));
  if (keys.length > FORM_LIMITS.keys) throw refuse("", `The form has more than ${FORM_LIMITS.keys} fields`);
  for (const key of keys) {
    if (key.length > FORM_LIMITS.keyLength) {
      throw refuse(shown(key), `Field name is longer than ${FORM_LIMITS.keyLength} characters`);
    }
    if (key.split(".").length > FORM_LIMITS.depth) {
      throw refuse(shown(key), `Field is nested more than ${FORM_LIMITS.depth} levels deep`);
    }
  }
  for (const key of keys) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === "string");
    const value: unknown = arrays.includes(key) || values.length > 1 ? values : values[0];
    setPath(out, key.split("."), value);
  }
  return compactArrays(out) as Record<string, unknown>;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node: Record<string, unknown> = target;
  path.forEach((segment, index) => {
    if (segment === "__proto__" || segment === "constructor" || segment === "prototype") return;
    if (index === path.length - 1) {
      node[segment] = value;
      return;
    }
    const next = node[segment];
    if (typeof next !== "object" || next === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  });
}

/**
 * Objects whose keys are all indexes ("0", "1") become arrays, in index order, without holes. No
 * sort: JavaScript itself lists an object's integer keys first, in ascending order.
 */
function compactArrays(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, compactArrays(v)] as const);
  if (entries.length && entries.every(([k]) => /^\d+$/.test(k))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}
