import { recordPage, type RecordPageProps } from "@/app/page-data";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { UserStatusBadge } from "@/components/admin/status-badges";
import { CreateTokenForm } from "@/components/admin/token-forms";
import { TokenTable } from "@/components/admin/token-table";
import { RoleForm, UserAccountActions } from "@/components/admin/user-account-actions";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { EmptyText } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import { ROLE_LABELS, type ApiTokenSummary, type UserSummary } from "@/lib/schemas/user";
import { listApiTokens } from "@/lib/server/tokens";
import { getUserOrThrow } from "@/lib/server/users";

export const dynamic = "force-dynamic";

type Loaded = { kind: "ok"; user: UserSummary; tokens: ApiTokenSummary[] } | { kind: "forbidden" };

/** Admins only: anyone else gets the 403 page (AdminForbidden), not an error. */
const userPage = recordPage("id", async (actor, id): Promise<Loaded> => {
  try {
    const [user, tokens] = await Promise.all([getUserOrThrow(actor, id), listApiTokens(actor, id)]);
    return { kind: "ok", user, tokens };
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return { kind: "forbidden" };
    throw error;
  }
});

export const generateMetadata = userPage.titled((loaded) => (loaded.kind === "ok" ? loaded.user.email : "Admins only"));

export default async function UserPage(props: RecordPageProps<"id">) {
  const { actor, record: loaded } = await userPage.load(props);
  if (loaded.kind === "forbidden") return <AdminForbidden actor={actor} />;
  const { user, tokens } = loaded;
  const isSelf = actor.kind === "user" && actor.id === user.id;

  return (
    <>
      <PageHeader
        breadcrumb={{ href: "/admin/users", label: "Users", trail: <span aria-current="page">{user.email}</span> }}
        title={
          <>
            <span className="break-all">{user.email}</span>
            {isSelf ? <span className="ml-2 text-sm font-normal text-slate-600">(you)</span> : null}
          </>
        }
        subtitle={
          <span className="flex flex-wrap items-center gap-x-2">
            <span>{user.name}</span>
            <span aria-hidden="true">·</span>
            <span>{ROLE_LABELS[user.role]}</span>
            <span aria-hidden="true">·</span>
            <UserStatusBadge deactivatedAt={user.deactivatedAt} />
          </span>
        }
      />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <Card title="Account">
          <DefinitionList
            items={[
              { term: "Email", value: user.email },
              { term: "Name", value: user.name },
              { term: "Role", value: ROLE_LABELS[user.role] },
              {
                term: "Status",
                value: user.deactivatedAt ? `Deactivated ${formatDateTime(user.deactivatedAt)}` : "Active",
              },
              { term: "Active sessions", value: formatNumber(user.activeSessions) },
              { term: "Active tokens", value: formatNumber(user.activeTokens) },
              { term: "Created", value: formatDateTime(user.createdAt) },
            ]}
          />
          <div className="mt-4 space-y-4 border-t border-slate-100 pt-4">
            <RoleForm userId={user.id} email={user.email} role={user.role} />
            <UserAccountActions user={user} isSelf={isSelf} />
          </div>
        </Card>

        <Card title="API tokens">
          <div className="space-y-4">
            <p className="text-sm text-slate-600">
              A token lets a script use the JSON API as {user.email}, with their role. Only a token&rsquo;s first
              characters are shown here; the rest is stored as a hash. A revoked token stops working at once, for good.
            </p>
            {tokens.length > 0 ? (
              <TokenTable tokens={tokens} email={user.email} />
            ) : (
              <EmptyText>No tokens yet.</EmptyText>
            )}
            <section aria-labelledby="create-token-heading" className="space-y-2 border-t border-slate-100 pt-4">
              <h3 id="create-token-heading" className="text-sm font-semibold text-slate-900">
                Create a token
              </h3>
              {/* A deactivated user's tokens are refused at use, so a new one would only mislead. */}
              {user.deactivatedAt ? (
                <p className="text-sm text-slate-600">
                  A deactivated user&rsquo;s tokens do not work. Reactivate them first.
                </p>
              ) : (
                <CreateTokenForm userId={user.id} />
              )}
            </section>
          </div>
        </Card>
      </div>
    </>
  );
}
