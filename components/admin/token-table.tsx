import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import type { ApiTokenSummary } from "@/lib/schemas/user";
import { TokenStatusBadge } from "./status-badges";
import { RevokeTokenForm } from "./token-forms";

/** A user's API tokens, newest first: only the prefix is known, never the token. */
export function TokenTable({ tokens, email }: { tokens: readonly ApiTokenSummary[]; email: string }) {
  return (
    <Table caption={`API tokens of ${email}, newest first`} captionHidden>
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Token</Th>
          <Th>Created</Th>
          <Th>Last used</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {tokens.map((t) => (
          <Tr key={t.id}>
            <Td className="font-medium">{t.name}</Td>
            <Td muted className="whitespace-nowrap">
              <code className="font-mono text-xs">{t.prefix}…</code>
            </Td>
            <Td muted className="whitespace-nowrap">
              <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
            </Td>
            <Td muted className="whitespace-nowrap">
              {t.lastUsedAt ? <time dateTime={t.lastUsedAt}>{formatDateTime(t.lastUsedAt)}</time> : "Never"}
            </Td>
            <Td className="whitespace-nowrap">
              <TokenStatusBadge revokedAt={t.revokedAt} />
              {t.revokedAt ? (
                <span className="ml-1.5 text-xs text-slate-600">
                  <time dateTime={t.revokedAt}>{formatDateTime(t.revokedAt)}</time>
                </span>
              ) : null}
            </Td>
            <Td>
              <RevokeTokenForm tokenId={t.id} name={t.name} revoked={t.revokedAt !== null} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
