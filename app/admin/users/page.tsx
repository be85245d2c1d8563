import type { Metadata } from "next";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { NewUserForm } from "@/components/admin/new-user-form";
import { UserTable } from "@/components/admin/user-table";
import { Card } from "@/components/ui/card";
import { formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/schemas/user";
import { requirePageActor } from "@/lib/server/session";
import type { UserSummary } from "@/lib/schemas/user";
import { listUsers } from "@/lib/server/users";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor();
  let users: UserSummary[];
  try {
    users = await listUsers(actor);
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return <AdminForbidden actor={actor} />;
    throw error;
  }
  const active = users.filter((u) => !u.deactivatedAt).length;

  return (
    <>
      <PageHeader
        title="Users"
        subtitle={
          <>
            {formatNumber(users.length)} {users.length === 1 ? "user" : "users"}, {formatNumber(active)} active; open
            one for its API tokens. {ROLES.map((r) => `${ROLE_LABELS[r]} ${ROLE_DESCRIPTIONS[r]}`).join("; ")}.
          </>
        }
      />

      <div className="space-y-6">
        <UserTable users={users} selfId={actor.kind === "user" ? actor.id : null} />
        <Card title="New user" className="max-w-3xl">
          <NewUserForm />
        </Card>
      </div>
    </>
  );
}
