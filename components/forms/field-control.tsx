import type { ComponentPropsWithoutRef } from "react";
import { Field, NativeSelect, TextArea, TextInput } from "@/components/ui/field";
import type { FieldTargets } from "./summary";

/** One labelled field of a form: a text input unless it has `rows` (a text area) or `options` (a select). */
export type FieldSpec = {
  /** The posted name, which is also the path of its errors. */
  name: string;
  /** The control's id (and so the base of its hint and error ids). */
  id: string;
  label: string;
  hint?: string;
  optional?: boolean;
  /** On the field's wrapper, e.g. its width. */
  className?: string;
  rows?: number;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** A select's first option, which cannot be chosen: "Choose a category". */
  prompt?: string;
  /** What a form that starts empty shows before anything was typed (a select's preselected option). */
  initial?: string;
  /** The control's own attributes. */
  control?: Pick<
    ComponentPropsWithoutRef<"input">,
    | "type"
    | "required"
    | "minLength"
    | "maxLength"
    | "autoComplete"
    | "autoFocus"
    | "spellCheck"
    | "inputMode"
    | "placeholder"
    | "className"
  >;
};

/** Where a form's fields show their errors, for FormFeedback's summary, in form order. */
export function targetsOf(specs: readonly FieldSpec[]): FieldTargets {
  return Object.fromEntries(specs.map((spec) => [spec.name, { htmlFor: spec.id, label: spec.label }]));
}

export type FieldControlProps = {
  spec: FieldSpec;
  error?: string;
  /** What the control shows: its default, or with `onChange` its controlled value. */
  value: string;
  onChange?: (value: string) => void;
};

/** A field from its spec: label, control, hint and error, the control pointing at both. */
export function FieldControl({ spec, error, value, onChange }: FieldControlProps) {
  const { name, id, label, hint, optional, className, rows, options, prompt, control = {} } = spec;
  const { type, ...attributes } = control;
  const common = {
    ...attributes,
    id,
    name,
    invalid: Boolean(error),
    hint: Boolean(hint),
    ...(onChange
      ? { value, onChange: (event: { target: { value: string } }) => onChange(event.target.value) }
      : { defaultValue: value }),
  };
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint} optional={optional} className={className}>
      {options ? (
        <NativeSelect {...common}>
          {prompt ? (
            <option value="" disabled>
              {prompt}
            </option>
          ) : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      ) : rows ? (
        <TextArea rows={rows} {...common} />
      ) : (
        <TextInput type={type} {...common} />
      )}
    </Field>
  );
}
