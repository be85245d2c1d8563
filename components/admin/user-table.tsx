import { dateColumn } from "@/components/ui/columns";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/components/ui/format";
import { TextLink } from "@/components/ui/text-link";
import type { UserSummary } from "@/lib/schemas/user";
import { UserStatusBadge } from "./status-badges";
import { RoleForm, UserAccountActions } from "./user-account-actions";

/** Every user, one row each, with the role select and the account actions in the row. */
export function UserTable({ users, selfId }: { users: readonly UserSummary[]; selfId: string | null }) {
  return (
    <DataTable
      caption="Users, by email"
      rows={users}
      columns={[
        {
          header: "Email",
          // The row header: screen readers name the user as they move along the row.
          rowHeader: true,
          className: "min-w-56 wrap-anywhere",
          cell: (user) => (
            <>
              <TextLink href={`/admin/users/${user.id}`} className="font-medium">
                {user.email}
              </TextLink>
              {user.id === selfId ? <span className="ml-1 text-xs text-slate-600">(you)</span> : null}
            </>
          ),
        },
        { header: "Name", cell: (user) => user.name },
        {
          header: "Role",
          cell: (user) => <RoleForm userId={user.id} email={user.email} role={user.role} compact />,
        },
        { header: "Status", cell: (user) => <UserStatusBadge deactivatedAt={user.deactivatedAt} /> },
        { header: "Active sessions", numeric: true, cell: (user) => formatNumber(user.activeSessions) },
        { header: "Active tokens", numeric: true, cell: (user) => formatNumber(user.activeTokens) },
        dateColumn<UserSummary>("Created", (user) => user.createdAt),
        {
          header: "Account",
          cell: (user) => <UserAccountActions user={user} isSelf={user.id === selfId} compact />,
        },
      ]}
    />
  );
}
