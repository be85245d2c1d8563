"use server";

import { createView, deleteView, updateView } from "@/lib/server/views";
import { formAction, revalidate } from "./form-action";

// The saved-view forms: "Save this view" on the grievance list, and rename, share and delete on
// /views. The navigation lists the views on every page, so each change refreshes the root layout.

const everyPage = () => [["/", "layout"] as const];

export const createViewAction = formAction({
  run: async ({ actor, input }) => {
    const view = await createView(actor, input);
    return { id: view.id, name: view.name };
  },
  revalidate: everyPage,
  message: (view) => `Saved “${view.name}”. It is in the navigation and on Saved views.`,
});

/** Rename, share or unshare: the form posts the view's id and the version it was loaded at. */
export const updateViewAction = formAction({
  run: async ({ actor, id, input }) => {
    const view = await updateView(actor, id, input);
    return { id: view.id, name: view.name, shared: view.shared };
  },
  revalidate: everyPage,
  // A stale version re-renders the page with the other change, so the form carries the new version.
  onError: (state) => {
    if (state.code === "CONFLICT") revalidate(everyPage());
    return state;
  },
  message: (view) => `Saved “${view.name}” (${view.shared ? "shared with the team" : "personal"}).`,
});

export const deleteViewAction = formAction({
  run: async ({ actor, id, input }) => {
    const view = await deleteView(actor, id, input);
    return { id: view.id, name: view.name };
  },
  revalidate: everyPage,
  message: (view) => `Deleted “${view.name}”.`,
});
