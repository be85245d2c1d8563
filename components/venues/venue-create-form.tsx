"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { slugField } from "@/components/records/slug-field";
import { createVenueAction } from "@/lib/actions/records";
import { LIMITS } from "@/lib/schemas/common";

const PLACE = { maxLength: LIMITS.name };

const FIELDS: Array<FieldSpec | FieldSpec[]> = [
  {
    name: "name",
    id: "venue-name",
    label: "Name",
    hint: "The building, e.g. “Russian Consulate General”.",
    control: { maxLength: LIMITS.name, autoComplete: "off" },
  },
  [
    { name: "city", id: "venue-city", label: "City", control: PLACE },
    { name: "country", id: "venue-country", label: "Country", control: PLACE },
  ],
  {
    name: "note",
    id: "venue-note",
    label: "Note",
    optional: true,
    hint: "What is known about it, and from whom.",
    rows: 3,
    control: { maxLength: LIMITS.note },
  },
  slugField("venue-slug", "The name in addresses. Left empty, it is made from the name and city.", "max-w-96"),
];

/** Adds a venue: the building where talks are held. */
export function VenueCreateForm() {
  return (
    <FieldListForm
      action={createVenueAction}
      fields={FIELDS}
      label="Add venue"
      pendingLabel="Adding…"
      cancelHref="/venues"
      className="max-w-xl space-y-4"
    />
  );
}
