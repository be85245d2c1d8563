import { Badge } from "@/components/ui/status-badge";

/** Active or deactivated, as a word (the dot's colour only repeats it). */
export function UserStatusBadge({ deactivatedAt }: { deactivatedAt: string | null }) {
  return deactivatedAt ? <Badge tone="withdrawn">Deactivated</Badge> : <Badge tone="resolved">Active</Badge>;
}

/** Active or revoked, as a word. */
export function TokenStatusBadge({ revokedAt }: { revokedAt: string | null }) {
  return revokedAt ? <Badge tone="withdrawn">Revoked</Badge> : <Badge tone="resolved">Active</Badge>;
}
