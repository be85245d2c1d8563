// Reading a FormState's errors for the grievance forms. Importable by client components.

type Errors = Partial<Record<string, string>>;

/** The error of a field, or of any part of it ("raisedBy.1" counts for "raisedBy"). */
export function fieldError(errors: Errors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  const key = Object.keys(errors).find((k) => k.startsWith(`${name}.`));
  return key ? errors[key] : undefined;
}

/**
 * The summary line of a refused form: with field errors, a pointer to them (each is shown beside
 * its field and listed); otherwise the server's own message.
 */
export function refusalMessage(formError: string, fieldCount: number): string {
  if (fieldCount === 0) return formError;
  return fieldCount === 1 ? "Check the field marked below." : `Check the ${fieldCount} fields marked below.`;
}

/**
 * The form-level error list: each field's message linking to its control, in form order, named
 * by the field's label unless the message already starts with it ("Title is required").
 */
export function errorLinks(errors: Errors, fields: ReadonlyArray<{ name: string; id: string; label: string }>) {
  return fields.flatMap(({ name, id, label }) => {
    const message = fieldError(errors, name);
    if (!message) return [];
    const named = message.toLowerCase().startsWith(label.toLowerCase()) ? message : `${label}: ${message}`;
    return [{ htmlFor: id, message: named }];
  });
}
