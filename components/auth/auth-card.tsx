import type { ReactNode } from "react";

/** The narrow, centred frame of the sign-in and first-run pages. */
export function AuthCard({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <div className="mx-auto mt-6 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-1 text-sm text-slate-600">{intro}</div>
      <div className="mt-5">{children}</div>
    </div>
  );
}
