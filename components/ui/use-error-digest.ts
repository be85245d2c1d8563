import { useEffect } from "react";

/**
 * For the error boundaries: logs the error in the browser console and returns its digest, the
 * one thing a page may show about it (it matches the server's log line; the message and stack
 * can leak server details).
 */
export function useErrorDigest(error: unknown): string | undefined {
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}
