import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";

/** The id of a field's error message: `${htmlFor}-error`. */
export function errorId(htmlFor: string): string {
  return `${htmlFor}-error`;
}

/** The id of a field's hint: `${htmlFor}-hint`. */
export function hintId(htmlFor: string): string {
  return `${htmlFor}-hint`;
}

export type FieldProps = {
  label: ReactNode;
  /** The id of the control inside; also the base of the hint and error ids. */
  htmlFor: string;
  error?: ReactNode;
  hint?: ReactNode;
  /** Marks the label "(optional)". */
  optional?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * Label, control, hint and error. The error is plain text with id `${htmlFor}-error` (no
 * role="alert"; announce errors through a form-level <FormStatus> live region). Give the control
 * `invalid` and `hint` so its aria-describedby points at them.
 */
export function Field({ label, htmlFor, error, hint, optional = false, className, children }: FieldProps) {
  return (
    // .field and .field-label (components/ui/components.css): short, as forms repeat them per field.
    <div className={cn("field", className)}>
      <label htmlFor={htmlFor} className="field-label">
        {label}
        {optional ? <span className="ml-1 font-normal text-slate-500">(optional)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={hintId(htmlFor)} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId(htmlFor)} className="flex items-start gap-1 text-xs font-medium text-red-700">
          <span aria-hidden="true">⚠</span>
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type ControlExtras = {
  /** Sets aria-invalid and points aria-describedby at `${id}-error`. */
  invalid?: boolean;
  /** Points aria-describedby at `${id}-hint` (when the Field has a hint). */
  hint?: boolean;
};

function describedBy(id: string | undefined, invalid: boolean, hint: boolean, extra: string | undefined) {
  const ids = [extra, id && hint ? hintId(id) : null, id && invalid ? errorId(id) : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/**
 * aria-invalid and aria-describedby, each only when it says something: an attribute passed as
 * undefined still costs a "$undefined" in the page's RSC payload, on every control of a form.
 */
function ariaOf(id: string | undefined, invalid: boolean, hint: boolean, extra: string | undefined) {
  const described = describedBy(id, invalid, hint, extra);
  return { ...(invalid ? { "aria-invalid": true } : {}), ...(described ? { "aria-describedby": described } : {}) };
}

/**
 * The look of a control, .control in components/ui/components.css (the border, its hover and
 * focus colours, the disabled look): one short name, since a filter form repeats it on each of
 * its controls in the HTML and again in the RSC payload. An invalid control's red border is a
 * utility, so it wins over the components layer.
 */
const CONTROL = "control";

function controlTone(invalid: boolean) {
  return invalid ? "border-red-600 hover:border-red-600" : undefined;
}

export type TextInputProps = Omit<ComponentPropsWithoutRef<"input">, "size"> & ControlExtras;

export function TextInput({ invalid = false, hint = false, className, type = "text", ...rest }: TextInputProps) {
  return (
    <input
      type={type}
      {...rest}
      {...ariaOf(rest.id, invalid, hint, rest["aria-describedby"])}
      className={cn(CONTROL, "h-8", controlTone(invalid), className)}
    />
  );
}

export type TextAreaProps = ComponentPropsWithoutRef<"textarea"> & ControlExtras;

export function TextArea({ invalid = false, hint = false, className, rows = 4, ...rest }: TextAreaProps) {
  return (
    <textarea
      rows={rows}
      {...rest}
      {...ariaOf(rest.id, invalid, hint, rest["aria-describedby"])}
      className={cn(CONTROL, "py-1.5 leading-normal", controlTone(invalid), className)}
    />
  );
}

export type NativeSelectProps = ComponentPropsWithoutRef<"select"> & ControlExtras;

/** A plain <select>, styled: works in posted forms without JavaScript. */
export function NativeSelect({ invalid = false, hint = false, className, children, ...rest }: NativeSelectProps) {
  return (
    <select
      {...rest}
      {...ariaOf(rest.id, invalid, hint, rest["aria-describedby"])}
      className={cn(CONTROL, "select-chevron h-8", rest.multiple && "h-auto py-1", controlTone(invalid), className)}
    >
      {children}
    </select>
  );
}

export type FormStatusProps = {
  /** A summary line, e.g. "Nothing was saved. Fix the 2 fields marked below." or "Saved." */
  message?: ReactNode;
  /** Field errors to list, each linking to its control. */
  errors?: ReadonlyArray<{ htmlFor: string; message: ReactNode }>;
  tone?: "error" | "success" | "info";
  id?: string;
  className?: string;
};

/**
 * A form-level live region (aria-live="polite"). Always rendered — empty when there is nothing
 * to say — so that screen readers announce the message when it appears.
 */
export function FormStatus({ message, errors, tone = "error", id, className }: FormStatusProps) {
  const hasContent = Boolean(message) || (errors !== undefined && errors.length > 0);
  return (
    <div id={id} aria-live="polite" aria-atomic="true" className={className}>
      {hasContent ? (
        <div
          className={cn(
            "rounded-md border px-3 py-2 text-sm",
            tone === "error" && "border-red-200 bg-red-50 text-red-900",
            tone === "success" && "border-emerald-200 bg-emerald-50 text-emerald-900",
            tone === "info" && "border-accent-200 bg-accent-50 text-accent-900",
          )}
        >
          {message ? <p className="font-medium">{message}</p> : null}
          {errors && errors.length > 0 ? (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {errors.map((e) => (
                <li key={e.htmlFor}>
                  <a href={`#${e.htmlFor}`} className="underline hover:no-underline">
                    {e.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
