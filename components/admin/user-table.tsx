import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { formatDate, formatNumber, toIsoDate } from "@/components/ui/format";
import type { UserSummary } from "@/lib/schemas/user";
import { UserStatusBadge } from "./status-badges";
import { RoleForm, UserAccountActions } from "./user-account-actions";

/** Every user, one row each, with the role select and the account actions in the row. */
export function UserTable({ users, selfId }: { users: readonly UserSummary[]; selfId: string | null }) {
  return (
    <Table caption="Users, by email" captionHidden>
      <THead>
        <tr>
          <Th>Email</Th>
          <Th>Name</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th numeric>Active sessions</Th>
          <Th numeric>Active tokens</Th>
          <Th>Created</Th>
          <Th>Account</Th>
        </tr>
      </THead>
      <TBody>
        {users.map((user) => {
          const isSelf = user.id === selfId;
          return (
            <Tr key={user.id}>
              {/* The row header: screen readers name the user as they move along the row. */}
              <th scope="row" className="min-w-56 px-3 py-1.5 text-left font-normal wrap-anywhere">
                <Link
                  href={`/admin/users/${user.id}`}
                  className="font-medium text-accent-700 hover:text-accent-900 hover:underline"
                >
                  {user.email}
                </Link>
                {isSelf ? <span className="ml-1 text-xs text-slate-600">(you)</span> : null}
              </th>
              <Td>{user.name}</Td>
              <Td>
                <RoleForm userId={user.id} email={user.email} role={user.role} compact />
              </Td>
              <Td>
                <UserStatusBadge deactivatedAt={user.deactivatedAt} />
              </Td>
              <Td numeric>{formatNumber(user.activeSessions)}</Td>
              <Td numeric>{formatNumber(user.activeTokens)}</Td>
              <Td muted className="whitespace-nowrap">
                <time dateTime={toIsoDate(user.createdAt)}>{formatDate(user.createdAt)}</time>
              </Td>
              <Td>
                <UserAccountActions user={user} isSelf={isSelf} compact />
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
