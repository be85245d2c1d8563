import { cn } from "@/components/ui/cn";
import type { ActionResult } from "./action-result";

/**
 * The live region of a small form in a table row or beside a button: always rendered, so the
 * message is announced when it appears; a line of text rather than FormStatus's box, to keep
 * rows dense. A control whose form was refused points aria-describedby at its id.
 */
export function InlineStatus({ id, result, className }: { id?: string; result: ActionResult; className?: string }) {
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
