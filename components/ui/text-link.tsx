import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * The colour of a link in running text or a table cell: text-accent-700, hover:text-accent-900
 * and hover:underline under one short name (components/ui/components.css), since a list repeats it
 * on every row.
 */
export const LINK_CLASS = "link";

/**
 * A link inside the app, in running text or a table cell. It does not prefetch unless told to:
 * a list shows dozens of them, and Next would fetch every one's page as it scrolled into view (a
 * server render each, for pages nobody opens). A click still navigates without a full reload.
 */
export function TextLink({ className, prefetch = false, ...rest }: ComponentProps<typeof Link>) {
  return <Link {...rest} prefetch={prefetch} className={cn(LINK_CLASS, className)} />;
}
