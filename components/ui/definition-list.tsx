import type { ReactNode } from "react";
import { cn } from "./cn";

export type DefinitionItem = {
  term: ReactNode;
  /** null/undefined/"" render as a muted "—". */
  value: ReactNode;
  /** A stable key, when `term` is not a string. */
  key?: string;
};

export type DefinitionListProps = {
  items: ReadonlyArray<DefinitionItem>;
  /** "side" puts terms beside values (facts boxes); "stacked" puts them above. */
  layout?: "side" | "stacked";
  className?: string;
};

/** A dense key/value facts box (<dl>). */
export function DefinitionList({ items, layout = "side", className }: DefinitionListProps) {
  return (
    <dl
      className={cn(
        "text-sm",
        layout === "side" ? "grid grid-cols-[minmax(7rem,max-content)_1fr] gap-x-4 gap-y-1.5" : "space-y-2.5",
        className,
      )}
    >
      {items.map((item, i) => {
        const empty = item.value === null || item.value === undefined || item.value === "";
        const key = item.key ?? (typeof item.term === "string" ? item.term : String(i));
        return layout === "side" ? (
          <div key={key} className="contents">
            <dt className="text-slate-600">{item.term}</dt>
            <dd className="min-w-0 break-words text-slate-900">
              {empty ? <span className="text-slate-500">—</span> : item.value}
            </dd>
          </div>
        ) : (
          <div key={key}>
            <dt className="text-xs font-medium text-slate-600">{item.term}</dt>
            <dd className="mt-0.5 break-words text-slate-900">
              {empty ? <span className="text-slate-500">—</span> : item.value}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
