"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ComponentPropsWithoutRef, ReactNode } from "react";
import { cn } from "./cn";

/** The dialog root (Radix Dialog.Root): controlled with open/onOpenChange, or uncontrolled. */
export const Dialog = RadixDialog.Root;

/** Wraps the opening control; use `asChild` with a <Button>. */
export const DialogTrigger = RadixDialog.Trigger;

/** Closes the dialog; use `asChild` with a <Button>. */
export const DialogClose = RadixDialog.Close;

export type DialogContentProps = Omit<ComponentPropsWithoutRef<typeof RadixDialog.Content>, "title"> & {
  title: ReactNode;
  description?: ReactNode;
  /** Width: sm ≈ 24rem (confirmations), md ≈ 32rem (small forms), lg ≈ 44rem. */
  size?: "sm" | "md" | "lg";
  /** Hide the × button (e.g. when the footer has a Cancel). Default false. */
  hideClose?: boolean;
  children?: ReactNode;
};

const WIDTH = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

/** A centred modal panel with a title, optional description and a close button, over a scrim. */
export function DialogContent({
  title,
  description,
  size = "md",
  hideClose = false,
  className,
  children,
  ...rest
}: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 data-[state=open]:animate-fade-in" />
      <RadixDialog.Content
        // Without a description, opt out of aria-describedby (and Radix's console warning).
        {...(description ? {} : { "aria-describedby": undefined })}
        {...rest}
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[85vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto",
          "rounded-lg border border-slate-200 bg-white p-5 shadow-xl data-[state=open]:animate-dialog-in",
          WIDTH[size],
          className,
        )}
      >
        <div className="mb-4 pr-8">
          <RadixDialog.Title className="text-base font-semibold text-slate-900">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="mt-1 text-sm text-slate-600">{description}</RadixDialog.Description>
          ) : null}
        </div>
        {children}
        {hideClose ? null : (
          <RadixDialog.Close
            className="absolute top-3 right-3 inline-flex size-7 items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-900"
            aria-label="Close"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className="size-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.5"
              strokeLinecap="round"
            >
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </RadixDialog.Close>
        )}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}

/** A right-aligned row of actions at the bottom of a dialog. */
export function DialogFooter({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-4">{children}</div>;
}
