import type { ReactNode } from "react";

export type StatProps = {
  label: ReactNode;
  /** The big number (already formatted), or a word when there is none. */
  value: ReactNode;
  /** A line under the number: what it counts from, usually with a link. */
  detail?: ReactNode;
};

/** One headline figure in a quiet panel. The label is a heading so the overview reads in order. */
export function Stat({ label, value, detail }: StatProps) {
  return (
    <section className="rounded-md border border-slate-200 bg-white px-4 py-3">
      <h2 className="text-xs font-medium text-slate-600">{label}</h2>
      <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight text-slate-900">{value}</p>
      {detail ? <p className="mt-0.5 text-xs text-slate-600">{detail}</p> : null}
    </section>
  );
}
