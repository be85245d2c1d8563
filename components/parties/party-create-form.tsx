"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { slugField } from "@/components/records/slug-field";
import { SluggedEditForm } from "@/components/records/slugged-record-forms";
import { createPartyAction, updatePartyAction } from "@/lib/actions/records";
import type { PartyDetail } from "@/lib/schemas/party";
import { LIMITS } from "@/lib/schemas/common";
import { PARTY_KINDS, PARTY_KIND_LABELS } from "@/lib/schemas/enums";

/** What an analyst edits; the create form adds the slug. */
const EDITED: FieldSpec[] = [
  {
    name: "name",
    id: "party-name",
    label: "Name",
    hint: "As analysts read it, e.g. “United States”.",
    control: { maxLength: LIMITS.name, autoComplete: "off" },
  },
  {
    name: "shortName",
    id: "party-short-name",
    label: "Short name",
    optional: true,
    hint: "For dense tables, e.g. “US”.",
    control: { maxLength: LIMITS.shortName, autoComplete: "off", className: "max-w-40" },
  },
  {
    name: "kind",
    id: "party-kind",
    label: "Kind",
    options: PARTY_KINDS.map((kind) => ({ value: kind, label: PARTY_KIND_LABELS[kind] })),
    initial: "STATE",
    control: { className: "max-w-56" },
  },
];

const FIELDS: FieldSpec[] = [
  ...EDITED,
  slugField(
    "party-slug",
    "The name in addresses (/parties/united-states). Left empty, it is made from the name.",
    "max-w-72",
  ),
];

/** Adds a party: a state, an organisation or another actor that raises or receives grievances. */
export function PartyCreateForm() {
  return (
    <FieldListForm
      action={createPartyAction}
      fields={FIELDS}
      label="Add party"
      pendingLabel="Adding…"
      cancelHref="/parties"
      className="max-w-xl space-y-4"
    />
  );
}

/** Edits a party's name, short name and kind; the slug stays, as addresses cite it. */
export function PartyEditForm({
  party,
}: {
  party: Pick<PartyDetail, "slug" | "version" | "name" | "shortName" | "kind">;
}) {
  return (
    <SluggedEditForm
      action={updatePartyAction}
      fields={EDITED}
      values={{ name: party.name, shortName: party.shortName ?? "", kind: party.kind }}
      slug={party.slug}
      version={party.version}
      noun="party"
    />
  );
}
