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
  const result = inlineResult(state);
  return (
    <p
      id={id}
      aria-live="polite"
      aria-atomic="true"
      className={cn("text-xs", result.tone === "error" ? "font-medium text-red-700" : "text-emerald-800", className)}
    >
      {result.message ? (
        <>
          <span aria-hidden="true">{result.tone === "error" ? "⚠ " : "✓ "}</span>
          {result.message}
        </>
      ) : null}
    </p>
  );
}
