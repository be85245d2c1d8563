import { DataTable } from "@/components/ui/data-table";
import { DateTimeText } from "@/components/ui/values";
import type { ApiTokenSummary } from "@/lib/schemas/user";
import { TokenStatusBadge } from "./status-badges";
import { RevokeTokenForm } from "./token-forms";

/** A user's API tokens, newest first: only the prefix is known, never the token. */
export function TokenTable({ tokens, email }: { tokens: readonly ApiTokenSummary[]; email: string }) {
  return (
    <DataTable
      caption={`API tokens of ${email}, newest first`}
      rows={tokens}
      columns={[
        { header: "Name", className: "font-medium", cell: (t) => t.name },
        {
          header: "Token",
          muted: true,
          className: "whitespace-nowrap",
          cell: (t) => <code className="font-mono text-xs">{t.prefix}…</code>,
        },
        {
          header: "Created",
          muted: true,
          className: "whitespace-nowrap",
          cell: (t) => <DateTimeText value={t.createdAt} />,
        },
        {
          header: "Last used",
          muted: true,
          className: "whitespace-nowrap",
          cell: (t) => (t.lastUsedAt ? <DateTimeText value={t.lastUsedAt} /> : "Never"),
        },
        {
          header: "Status",
          className: "whitespace-nowrap",
          cell: (t) => (
            <>
              <TokenStatusBadge revokedAt={t.revokedAt} />
              {t.revokedAt ? (
                <span className="ml-1.5 text-xs text-slate-600">
                  <DateTimeText value={t.revokedAt} />
                </span>
              ) : null}
            </>
          ),
        },
        {
          header: <span className="sr-only">Actions</span>,
          cell: (t) => <RevokeTokenForm tokenId={t.id} name={t.name} revoked={t.revokedAt !== null} />,
        },
      ]}
    />
  );
}
