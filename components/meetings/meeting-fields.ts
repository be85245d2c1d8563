import type { FieldSpec } from "@/components/forms/field-control";

// The fields a meeting's forms share (log a meeting, edit its details).

export type VenueChoice = { slug: string; name: string; city: string };

/** The options of a meeting's venue select; "" is "Not known". */
export function venueOptions(venues: readonly VenueChoice[]): NonNullable<FieldSpec["options"]> {
  return [{ value: "", label: "Not known" }, ...venues.map((v) => ({ value: v.slug, label: `${v.name}, ${v.city}` }))];
}

/** The date field; `id` differs per form, as two forms may share a page. */
export function dateSpec(id: string): FieldSpec {
  return {
    name: "date",
    id,
    label: "Date",
    optional: true,
    hint: "Leave empty if unknown.",
    control: { type: "date" },
  };
}
