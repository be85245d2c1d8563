"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createVenueAction } from "@/app/venues/actions";
import { echoed, type EchoFormState } from "@/app/meetings/form-rows";
import { Button } from "@/components/ui/button";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { FormFeedback } from "@/components/meetings/form-feedback";
import { useSubmitWithoutReset } from "@/components/meetings/use-submit-without-reset";
import { LIMITS } from "@/lib/schemas/common";

const INITIAL: EchoFormState = { status: "idle" };

const FIELDS = {
  name: { htmlFor: "venue-name", label: "Name" },
  city: { htmlFor: "venue-city", label: "City" },
  country: { htmlFor: "venue-country", label: "Country" },
  note: { htmlFor: "venue-note", label: "Note" },
  slug: { htmlFor: "venue-slug", label: "Slug" },
};

/** Adds a venue: the building where talks are held. */
export function VenueCreateForm() {
  const [state, formAction, pending] = useActionState(createVenueAction, INITIAL);
  const onSubmit = useSubmitWithoutReset(formAction);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormFeedback state={state} fields={FIELDS} />
      <Field
        label="Name"
        htmlFor="venue-name"
        error={errors.name}
        hint="The building, e.g. “Russian Consulate General”."
      >
        <TextInput
          id="venue-name"
          name="name"
          maxLength={LIMITS.name}
          defaultValue={echoed(values, "name") ?? ""}
          invalid={Boolean(errors.name)}
          hint
          autoComplete="off"
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="City" htmlFor="venue-city" error={errors.city}>
          <TextInput
            id="venue-city"
            name="city"
            maxLength={LIMITS.name}
            defaultValue={echoed(values, "city") ?? ""}
            invalid={Boolean(errors.city)}
          />
        </Field>
        <Field label="Country" htmlFor="venue-country" error={errors.country}>
          <TextInput
            id="venue-country"
            name="country"
            maxLength={LIMITS.name}
            defaultValue={echoed(values, "country") ?? ""}
            invalid={Boolean(errors.country)}
          />
        </Field>
      </div>
      <Field
        label="Note"
        htmlFor="venue-note"
        optional
        error={errors.note}
        hint="What is known about it, and from whom."
      >
        <TextArea
          id="venue-note"
          name="note"
          rows={3}
          maxLength={LIMITS.note}
          defaultValue={echoed(values, "note") ?? ""}
          invalid={Boolean(errors.note)}
          hint
        />
      </Field>
      <Field
        label="Slug"
        htmlFor="venue-slug"
        optional
        error={errors.slug}
        hint="The name in addresses. Left empty, it is made from the name and city."
      >
        <TextInput
          id="venue-slug"
          name="slug"
          maxLength={LIMITS.slug}
          defaultValue={echoed(values, "slug") ?? ""}
          invalid={Boolean(errors.slug)}
          hint
          className="max-w-96 font-mono"
          autoComplete="off"
          spellCheck={false}
        />
      </Field>
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Adding…" : "Add venue"}
        </Button>
        <Link href="/venues" className="text-sm text-accent-700 hover:text-accent-900 hover:underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
