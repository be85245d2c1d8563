"use client";

import Link from "next/link";
import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import type { FormAction } from "@/lib/forms/action-state";

// The edit and merge forms of a party or a venue, on its page. Each posts the record's slug as
// the hidden `id`; the edit form also the version it was loaded at.

type Noun = "party" | "venue";
type Fields = ReadonlyArray<FieldSpec | readonly FieldSpec[]>;

const withInitial = (spec: FieldSpec, values: Record<string, string>): FieldSpec => ({
  ...spec,
  initial: values[spec.name] ?? "",
});

/** The create form's fields (without the slug, which stays), filled with the record as it is. */
export function SluggedEditForm<T>({
  action,
  fields,
  values,
  slug,
  version,
  noun,
}: {
  action: FormAction<T>;
  fields: Fields;
  values: Record<string, string>;
  slug: string;
  version: number;
  noun: Noun;
}) {
  const filled = fields.map((entry) =>
    Array.isArray(entry) ? entry.map((spec) => withInitial(spec, values)) : withInitial(entry as FieldSpec, values),
  );
  return (
    <FieldListForm
      action={action}
      fields={filled}
      hidden={{ id: slug, version: String(version) }}
      label={`Save ${noun}`}
      pendingLabel="Saving…"
      statusId={`edit-${noun}-status`}
      className="max-w-xl space-y-4"
    />
  );
}

/** "Merge into another party…" behind a disclosure: the survivor is chosen, then confirmed by the button. */
export function MergeRecordForm<T>({
  action,
  slug,
  noun,
  options,
  moves,
}: {
  action: FormAction<T>;
  slug: string;
  noun: Noun;
  /** The live records it may merge into, itself left out. */
  options: ReadonlyArray<{ value: string; label: string }>;
  /** What moves to the survivor: "every grievance and meeting that names it". */
  moves: string;
}) {
  const into: FieldSpec = {
    name: "into",
    id: `merge-${noun}-into`,
    label: `The ${noun} that stays`,
    prompt: `Choose a ${noun}`,
    options,
    hint: `${moves[0]!.toUpperCase()}${moves.slice(1)} moves to it; this ${noun} is then deleted, with a revision pointing there.`,
  };
  return (
    <details className="text-sm">
      <summary className="cursor-pointer rounded-sm font-medium text-red-800 select-none hover:underline">
        Merge into another {noun}…
      </summary>
      <FieldListForm
        action={action}
        fields={[into]}
        hidden={{ id: slug }}
        label="Merge"
        pendingLabel="Merging…"
        statusId={`merge-${noun}-status`}
        className="mt-2 space-y-3"
      />
    </details>
  );
}

/** The banner over a merged record: where its references went. */
export function MergedNotice({ href, name, moved }: { href: string; name: string; moved: string }) {
  return (
    <p role="note" className="mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950">
      Merged into{" "}
      <Link href={href} className="font-semibold underline">
        {name}
      </Link>
      ; {moved}.
    </p>
  );
}
