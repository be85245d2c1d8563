import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** The colour of a link in running text or a table cell. */
export const LINK_CLASS = "text-accent-700 hover:text-accent-900 hover:underline";

/** A link inside the app, in running text or a table cell. */
export function TextLink({ className, ...rest }: ComponentProps<typeof Link>) {
  return <Link {...rest} className={cn(LINK_CLASS, className)} />;
}
