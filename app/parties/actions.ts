"use server";

import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/server/session";
import { redirect } from "next/navigation";
import type { EchoFormState } from "@/app/meetings/form-rows";
import { formDataToObject, formStateFromError } from "@/lib/form-state";
import { createParty } from "@/lib/server/parties";

/** Adds a party (the slug is made from the name when left empty), then opens its page. */
export async function createPartyAction(_prev: EchoFormState, formData: FormData): Promise<EchoFormState> {
  const actor = await currentActor();
  const raw = formDataToObject(formData);
  let slug: string;
  try {
    slug = (await createParty(actor, raw)).slug;
  } catch (error) {
    return { ...formStateFromError(error), values: raw };
  }
  revalidatePath("/parties");
  redirect(`/parties/${slug}`);
}
