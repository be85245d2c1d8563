// FormData as a plain object for the shared zod schemas. Importable by client components.

/**
 * Keys that repeat (multi-selects) and keys named in `arrays` become arrays; "outcomes.0.note"
 * style keys become nested objects and arrays, so a table of rows posts as one list.
 */
export function formDataToObject(formData: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
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

/** Objects whose keys are all indexes ("0", "1") become arrays, in index order, without holes. */
function compactArrays(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([k, v]) => [k, compactArrays(v)] as const);
  if (entries.length && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  }
  return Object.fromEntries(entries);
}
