"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/server/session";
import { redirect } from "next/navigation";
import type { EchoFormState } from "@/app/meetings/form-rows";
import { formDataToObject, formStateFromError } from "@/lib/form-state";
import { createVenue } from "@/lib/server/venues";

/** Adds a venue (the slug is made from name and city when left empty), then opens its page. */
export async function createVenueAction(_prev: EchoFormState, formData: FormData): Promise<EchoFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  let slug: string;
  try {
    slug = (await createVenue(actor, raw)).slug;
  } catch (error) {
    return { ...formStateFromError(error), values: raw };
  }
  revalidatePath("/venues");
  redirect(`/venues/${slug}`);
}
