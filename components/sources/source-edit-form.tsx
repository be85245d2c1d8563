"use client";

import type { FieldSpec } from "@/components/forms/field-control";
import { FieldListForm } from "@/components/forms/field-list-form";
import { updateSourceAction } from "@/lib/actions/sources";
import { LIMITS } from "@/lib/schemas/common";
import type { SourceDetail } from "@/lib/schemas/source";

type Edited = Pick<SourceDetail, "id" | "version" | "title" | "publisher" | "url" | "publishedAt" | "note">;

/** Corrects a source, at the version it was loaded at; an emptied field is cleared. */
export function SourceEditForm({ source }: { source: Edited }) {
  const fields: ReadonlyArray<FieldSpec | readonly FieldSpec[]> = [
    {
      name: "title",
      id: "source-title",
      label: "Title",
      initial: source.title,
      control: { maxLength: LIMITS.title, autoComplete: "off" },
    },
    [
      {
        name: "publisher",
        id: "source-publisher",
        label: "Publisher",
        optional: true,
        hint: "The outlet, ministry or agency.",
        initial: source.publisher ?? "",
        control: { maxLength: LIMITS.name, autoComplete: "off" },
      },
      {
        name: "publishedAt",
        id: "source-published-at",
        label: "Published",
        optional: true,
        initial: source.publishedAt?.slice(0, 10) ?? "",
        control: { type: "date", className: "max-w-48" },
      },
    ],
    {
      name: "url",
      id: "source-url",
      label: "URL",
      optional: true,
      hint: "Where it can be read. Quotes and status changes that cite this URL find this source; no two sources share one.",
      initial: source.url ?? "",
      control: { type: "url", maxLength: LIMITS.url, autoComplete: "off", inputMode: "url" },
    },
    {
      name: "note",
      id: "source-note",
      label: "Note",
      optional: true,
      hint: "What a reader should know about it (a translation, a paywall).",
      rows: 2,
      initial: source.note ?? "",
      control: { maxLength: LIMITS.note },
    },
  ];
  return (
    <FieldListForm
      action={updateSourceAction}
      fields={fields}
      hidden={{ id: source.id, version: String(source.version) }}
      label="Save source"
      pendingLabel="Saving…"
      statusId="edit-source-status"
      className="max-w-xl space-y-4"
    />
  );
}
