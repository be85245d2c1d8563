import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = {
  title: "Not found",
};

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-xs font-semibold tracking-wider text-slate-600 uppercase">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        There is nothing at this address. The record may have been removed, or the link may be mistyped.
      </p>
      <div className="mt-6 flex justify-center gap-2">
        <ButtonLink href="/" variant="primary">
          Back to overview
        </ButtonLink>
        <ButtonLink href="/grievances">Browse grievances</ButtonLink>
      </div>
    </div>
  );
}
