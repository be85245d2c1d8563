import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { errorId } from "@/components/ui/field";
import { InlineError } from "./form-feedback";

// The pieces of a form whose rows are a table (a meeting's participants, an outcome's grievances):
// one control per cell, labelled for screen readers only, its error beneath it. Without
// JavaScript the form renders a few blank rows; the remove column and the add button need
// JavaScript, so they render only once hydrated (useHydrated); the rows themselves live in useRowList.

export type RowColumn = { label: string; className?: string };

export function RowTable({
  caption,
  columns,
  removable,
  describedBy,
  className,
  children,
}: {
  caption: string;
  columns: readonly RowColumn[];
  /** Adds the column of remove buttons (hydrated only). */
  removable: boolean;
  /** The id of the text that explains the rows. */
  describedBy?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className={cn("w-full border-collapse text-left text-sm", className)} aria-describedby={describedBy}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200">
          <tr className="bg-slate-50 text-xs font-semibold text-slate-600">
            {columns.map((column) => (
              <th key={column.label} scope="col" className={cn(column.className, "px-3 py-2")}>
                {column.label}
              </th>
            ))}
            {removable ? (
              <th scope="col" className="w-12 px-2 py-2">
                <span className="sr-only">Remove</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** What a cell's control must carry so that its label and error point at it: spread it in. */
export type RowControl = { id: string; invalid: boolean };

/** A cell with one control: its label (for screen readers) and its error. */
export function RowCell({
  htmlFor,
  label,
  error,
  children,
}: {
  htmlFor: string;
  label: string;
  error?: string;
  children: (control: RowControl) => ReactNode;
}) {
  return (
    <td className="px-3 py-2">
      <label htmlFor={htmlFor} className="sr-only">
        {label}
      </label>
      {children({ id: htmlFor, invalid: Boolean(error) })}
      {error ? <InlineError id={errorId(htmlFor)} message={error} /> : null}
    </td>
  );
}

export function RemoveRowCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <td className="px-2 py-2">
      <Button variant="ghost" size="sm" className="px-2" aria-label={label} title="Remove this row" onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </Button>
    </td>
  );
}

export function AddRowButton({ id, label, onAdd }: { id: string; label: string; onAdd: () => void }) {
  return (
    <Button id={id} size="sm" className="mt-2" onClick={onAdd}>
      <span aria-hidden="true">+</span> {label}
    </Button>
  );
}
