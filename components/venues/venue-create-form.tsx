"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { slugField } from "@/components/records/slug-field";
import { SluggedEditForm } from "@/components/records/slugged-record-forms";
import { createVenueAction, updateVenueAction } from "@/lib/actions/records";
import type { VenueDetail } from "@/lib/schemas/venue";
import { LIMITS } from "@/lib/schemas/common";

const PLACE = { maxLength: LIMITS.name };

/** What an analyst edits; the create form adds the slug. */
const EDITED: Array<FieldSpec | FieldSpec[]> = [
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
];

const FIELDS: Array<FieldSpec | FieldSpec[]> = [
  ...EDITED,
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

/** Edits a venue's name, city, country and note; the slug stays, as addresses cite it. */
export function VenueEditForm({
  venue,
}: {
  venue: Pick<VenueDetail, "slug" | "version" | "name" | "city" | "country" | "note">;
}) {
  return (
    <SluggedEditForm
      action={updateVenueAction}
      fields={EDITED}
      values={{ name: venue.name, city: venue.city, country: venue.country, note: venue.note ?? "" }}
      slug={venue.slug}
      version={venue.version}
      noun="venue"
    />
  );
}
