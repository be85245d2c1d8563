"use client";

import { useState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { ButtonLink } from "@/components/ui/button";
import { Field, FormStatus, TextInput } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { applyGrievanceImportAction, previewGrievanceImportAction } from "@/lib/actions/imports";
import { ImportReport } from "./import-report";

// Upload → dry run → "Import N grievances". Both steps are plain forms posting to server actions,
// so they work without JavaScript: the dry run's answer renders the report and a confirm form
// that carries the file back in a hidden field; applying checks it all again on the server.

const FILE_FIELD = { file: { htmlFor: "import-file", label: "CSV file" } };

/** The import's steps; "Check another file" remounts them, so both actions start idle again. */
export function GrievanceImport() {
  const [round, setRound] = useState(0);
  return <ImportSteps key={round} onRestart={() => setRound((n) => n + 1)} />;
}

function ImportSteps({ onRestart }: { onRestart: () => void }) {
  const preview = useFormAction(previewGrievanceImportAction);
  const apply = useFormAction(applyGrievanceImportAction);

  if (preview.state.status !== "ok") {
    return (
      <form action={preview.action} className="flex max-w-xl flex-col gap-4" aria-label="Upload a CSV file">
        <FormFeedback state={preview.state} fields={FILE_FIELD} refusalMessage={() => "The file was not read."} />
        <Field
          label="CSV file"
          htmlFor="import-file"
          error={preview.errorOf("file")}
          hint="A dry run first: nothing is created until you confirm."
        >
          <TextInput
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            hint
            invalid={Boolean(preview.errorOf("file"))}
            className="h-auto py-1"
          />
        </Field>
        <div>
          <SubmitButton pending={preview.pending} label="Check the file" pendingLabel="Checking…" />
        </div>
      </form>
    );
  }

  const { report, csv } = preview.state.data;
  const ready = report.willCreate;
  return (
    <div className="flex flex-col gap-4">
      <FormStatus
        tone={ready ? "success" : "error"}
        message={
          ready
            ? `Dry run: ${ready === 1 ? "1 grievance" : `${formatNumber(ready)} grievances`} ready to import. Nothing has been created yet.`
            : "Dry run: nothing can be imported until every problem below is fixed. Nothing was created."
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        {ready ? (
          <form action={apply.action}>
            <input type="hidden" name="csv" value={csv} />
            <SubmitButton
              pending={apply.pending}
              label={`Import ${ready === 1 ? "1 grievance" : `${formatNumber(ready)} grievances`}`}
              pendingLabel="Importing…"
            />
          </form>
        ) : null}
        {/*
          Without JavaScript the link loads a fresh page; with it, the steps start over in place.
          Either way the next dry run posts no report kept from this one (a small request).
        */}
        <ButtonLink
          href="/grievances/import"
          variant={ready ? "secondary" : "primary"}
          onClick={(event) => {
            event.preventDefault();
            onRestart();
          }}
        >
          Check another file
        </ButtonLink>
      </div>
      {apply.state.status === "error" ? <FormStatus tone="error" message={apply.state.formError} /> : null}
      <ImportReport report={report} />
    </div>
  );
}
