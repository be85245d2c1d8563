import Link from "next/link";
import type { ComponentPropsWithoutRef } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

// The look of each variant and size is a short class in components/ui/components.css (.btn,
// .btn-primary…, .btn-md…): a page repeats its buttons' classes in the HTML and again in its
// inline RSC payload, and the base list alone was 180 characters.

/** The class string for a button look, for elements other than Button/ButtonLink. */
export function buttonClasses({
  variant = "secondary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cn("btn", `btn-${variant}`, `btn-${size}`, className);
}

export type ButtonProps = ComponentPropsWithoutRef<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/** A native button; `type` defaults to "button" (pass type="submit" for forms). */
export function Button({ variant = "secondary", size = "md", type = "button", className, ...rest }: ButtonProps) {
  return <button type={type} {...rest} className={buttonClasses({ variant, size, className })} />;
}

export type ButtonLinkProps = Omit<ComponentPropsWithoutRef<typeof Link>, "href"> & {
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/**
 * A link that looks like a button (navigation, not actions). Like TextLink it does not prefetch
 * unless told to ("New grievance", "Clear", "Deleted grievances": pages a visit rarely opens).
 */
export function ButtonLink({
  variant = "secondary",
  size = "md",
  className,
  prefetch = false,
  ...rest
}: ButtonLinkProps) {
  return <Link {...rest} prefetch={prefetch} className={buttonClasses({ variant, size, className })} />;
}
