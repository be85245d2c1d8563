"use server";

import { GRIEVANCES_PATH } from "@/lib/grievance-list-url";
import { applyGrievanceImport, previewGrievanceImport } from "@/lib/server/imports";
import { formAction } from "./form-action";

// The grievance import page's server actions (app/grievances/import): the dry run of an uploaded
// file, then applying it. The file comes back for the second step in a hidden field, so the
// browser holds it, not the server; applying therefore checks it all again (lib/server/imports.ts)
// and trusts nothing the dry run said.

/** The posted field as text: a file the form read, or the hidden field's copy ("" when absent). */
const textOf = (value: unknown) => (typeof value === "string" ? value : "");

/** Step 1: the uploaded file's report; the file itself is kept with it for the confirm step. */
export const previewGrievanceImportAction = formAction({
  files: ["file"],
  // The file is not echoed back on a refusal: it cannot be put back into a file input anyway.
  secret: ["file"],
  run: async ({ actor, input }) => {
    const csv = textOf(input.file);
    return { report: await previewGrievanceImport(actor, csv), csv };
  },
});

/** Step 2: the same file, created all or nothing; then the list, newest first. */
export const applyGrievanceImportAction = formAction({
  secret: ["csv"],
  run: ({ actor, input }) => applyGrievanceImport(actor, textOf(input.csv)),
  revalidate: () => ["/", [GRIEVANCES_PATH, "layout"], ["/parties", "layout"]],
  redirectTo: () => `${GRIEVANCES_PATH}?sort=created`,
});
