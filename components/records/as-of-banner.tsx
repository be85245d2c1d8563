import { ButtonLink } from "@/components/ui/button";
import type { EmptyStateProps } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { TextLink } from "@/components/ui/text-link";

/**
 * Over a page replayed as of a past day (`?asOf=`): what the reader is looking at, and the same
 * page today. The day is a UTC calendar day, shown as the app shows dates.
 */
export function AsOfBanner({ asOf, todayHref }: { asOf: string; todayHref: string }) {
  return (
    <p role="status" className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
      <strong className="font-semibold">As of {formatDate(asOf)}:</strong> the record replayed from dated history.{" "}
      <TextLink href={todayHref}>Back to today</TextLink>
    </p>
  );
}

/** What a replayed list or the overview says when nothing had been raised by its day. */
export function nothingRaisedState(asOf: string, todayHref: string): EmptyStateProps {
  return {
    title: `Nothing had been raised by ${formatDate(asOf)}.`,
    description: "The record starts later: pick a later day, or go back to today.",
    action: <ButtonLink href={todayHref}>Back to today</ButtonLink>,
  };
}
