import { cn } from "@/components/ui/cn";
import type { ActionState } from "@/lib/forms/action-state";
import { inlineResult } from "./summary";

/**
 * The live region of a small form in a table row or beside a button: always rendered, so the
 * message is announced when it appears; a line of text rather than FormFeedback's box, to keep
 * rows dense. A control whose form was refused points aria-describedby at its id.
 */
export function InlineStatus({
  id,
  state,
  className,
}: {
  id?: string;
  state: ActionState<unknown>;
  className?: string;
}) {
  return <InlineMessage id={id} className={className} {...inlineResult(state)} />;
}

/** The same line for an answer that is not an action's (the clipboard's, for one). */
export function InlineMessage({
  id,
  message,
  tone,
  className,
}: {
  id?: string;
  message: string | null;
  tone: "error" | "success";
  className?: string;
}) {
  return (
    <p
      id={id}
      aria-live="polite"
      aria-atomic="true"
      className={cn("text-xs", tone === "error" ? "font-medium text-red-700" : "text-emerald-800", className)}
    >
      {message ? (
        <>
          <span aria-hidden="true">{tone === "error" ? "⚠ " : "✓ "}</span>
          {message}
        </>
      ) : null}
    </p>
  );
}
