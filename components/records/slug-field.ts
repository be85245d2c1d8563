import type { FieldSpec } from "@/components/forms/field-control";
import { LIMITS } from "@/lib/schemas/common";

/** The optional slug of a party or venue: lib/server makes one from the name when it is left empty. */
export function slugField(id: string, hint: string, width: string): FieldSpec {
  return {
    name: "slug",
    id,
    label: "Slug",
    optional: true,
    hint,
    control: { maxLength: LIMITS.slug, autoComplete: "off", spellCheck: false, className: `${width} font-mono` },
  };
}
