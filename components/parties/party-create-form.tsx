"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createPartyAction } from "@/app/parties/actions";
import { echoed, type EchoFormState } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { Field, NativeSelect, TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/meetings/form-feedback";
import { useSubmitWithoutReset } from "@/components/meetings/use-submit-without-reset";
import { PARTY_KINDS, PARTY_KIND_LABELS } from "@/lib/schemas/enums";
import { LIMITS } from "@/lib/schemas/common";

const INITIAL: EchoFormState = { status: "idle" };

const FIELDS = {
  name: { htmlFor: "party-name", label: "Name" },
  slug: { htmlFor: "party-slug", label: "Slug" },
  shortName: { htmlFor: "party-short-name", label: "Short name" },
  kind: { htmlFor: "party-kind", label: "Kind" },
};

/** Adds a party: a state, an organisation or another actor that raises or receives grievances. */
export function PartyCreateForm() {
  const [state, formAction, pending] = useActionState(createPartyAction, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormFeedback state={state} fields={FIELDS} />
      <Field label="Name" htmlFor="party-name" error={errors.name} hint="As analysts read it, e.g. “United States”.">
        <TextInput
          id="party-name"
          name="name"
          maxLength={LIMITS.name}
          defaultValue={echoed(values, "name") ?? ""}
          invalid={Boolean(errors.name)}
          hint
          autoComplete="off"
        />
      </Field>
      <Field
        label="Short name"
        htmlFor="party-short-name"
        optional
        error={errors.shortName}
        hint="For dense tables, e.g. “US”."
      >
        <TextInput
          id="party-short-name"
          name="shortName"
          maxLength={LIMITS.shortName}
          defaultValue={echoed(values, "shortName") ?? ""}
          invalid={Boolean(errors.shortName)}
          hint
          className="max-w-40"
          autoComplete="off"
        />
      </Field>
      <Field label="Kind" htmlFor="party-kind" error={errors.kind}>
        <NativeSelect
          id="party-kind"
          name="kind"
          defaultValue={echoed(values, "kind") ?? "STATE"}
          invalid={Boolean(errors.kind)}
          className="max-w-56"
        >
          {PARTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {PARTY_KIND_LABELS[k]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field
        label="Slug"
        htmlFor="party-slug"
        optional
        error={errors.slug}
        hint="The name in addresses (/parties/united-states). Left empty, it is made from the name."
      >
        <TextInput
          id="party-slug"
          name="slug"
          maxLength={LIMITS.slug}
          defaultValue={echoed(values, "slug") ?? ""}
          invalid={Boolean(errors.slug)}
          hint
          className="max-w-72 font-mono"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Adding…" : "Add party"}
        </Button>
        <Link href="/parties" className="text-sm text-accent-700 hover:text-accent-900 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
