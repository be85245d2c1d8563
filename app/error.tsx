"use client";

import { useErrorDigest } from "@/components/ui/use-error-digest";
import { Button, ButtonLink } from "@/components/ui/button";

/**
 * Segment error boundary. Never shows the error's message or stack (they can leak server
 * details); only the digest, which matches the server log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = useErrorDigest(error);

  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">
        This page could not be shown. Try again; if it keeps failing, the problem is on our side.
      </p>
      {digest ? (
        <p className="mt-3 text-xs text-slate-600">
          Reference: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800">{digest}</code>
        </p>
      ) : null}
      <div className="mt-6 flex justify-center gap-2">
        <Button variant="primary" onClick={() => retry()}>
          Try again
        </Button>
        <ButtonLink href="/">Back to overview</ButtonLink>
      </div>
    </div>
  );
}
