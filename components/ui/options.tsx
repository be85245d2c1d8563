import type { ReactNode } from "react";
import { Field, NativeSelect } from "./field";
import { formatDate } from "./format";

// The <option>s of the selects that pick a party, a venue or a meeting, so that every form and
// filter names them the same way, and the select of a list's filter form.

/**
 * One select of a filter form (a GET form: its value lands in the URL as `name`), with an empty
 * first option (`any`: "Any party") for "no filter". The control's id is `filter-${name}`.
 */
export function FilterSelect({
  name,
  label,
  any,
  value,
  className,
  fieldClassName,
  children,
}: {
  name: string;
  label: string;
  any: string;
  /** The filter's value now ("" or undefined: none). */
  value: string | undefined;
  /** Of the select (widths). */
  className?: string;
  /** Of the field around it (grid spans). */
  fieldClassName?: string;
  children: ReactNode;
}) {
  const id = `filter-${name}`;
  return (
    <Field label={label} htmlFor={id} className={fieldClassName}>
      <NativeSelect id={id} name={name} defaultValue={value ?? ""} className={className}>
        <option value="">{any}</option>
        {children}
      </NativeSelect>
    </Field>
  );
}

export function PartyOptions({ parties }: { parties: ReadonlyArray<{ slug: string; name: string }> }) {
  return parties.map((p) => (
    <option key={p.slug} value={p.slug}>
      {p.name}
    </option>
  ));
}

/** "Palais Coburg, Vienna". */
export function VenueOptions({ venues }: { venues: ReadonlyArray<{ slug: string; name: string; city: string }> }) {
  return venues.map((v) => (
    <option key={v.slug} value={v.slug}>
      {`${v.name}, ${v.city}`}
    </option>
  ));
}

/** "Istanbul talks, 2nd round (10 Apr 2025)"; the date is left out when unknown. */
export function MeetingOptions({
  meetings,
}: {
  meetings: ReadonlyArray<{ id: string; title: string; date: string | null }>;
}) {
  // One string, not two children: two would cost a comment between them in the HTML and an
  // array in the RSC payload, on each of a filter's many options.
  return meetings.map((m) => (
    <option key={m.id} value={m.id}>
      {m.date ? `${m.title} (${formatDate(m.date)})` : m.title}
    </option>
  ));
}

/** One option per value of an enum, e.g. the grievance categories, by their labels. */
export function EnumOptions<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}
