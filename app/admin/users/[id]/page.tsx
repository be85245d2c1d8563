import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AdminForbidden } from "@/components/admin/admin-forbidden";
import { UserStatusBadge } from "@/components/admin/status-badges";
import { CreateTokenForm } from "@/components/admin/token-forms";
import { TokenTable } from "@/components/admin/token-table";
import { RoleForm, UserAccountActions } from "@/components/admin/user-account-actions";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/ui/definition-list";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { isAppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/schemas/user";
import { requirePageActor } from "@/lib/server/session";
import type { ApiTokenSummary, UserSummary } from "@/lib/schemas/user";
import { listApiTokens } from "@/lib/server/tokens";
import { getUserOrThrow } from "@/lib/server/users";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

type Loaded = { kind: "ok"; user: UserSummary; tokens: ApiTokenSummary[] } | { kind: "forbidden" };

/** One read per request, shared by the metadata and the page; NOT_FOUND becomes the 404 page. */
const loadUser = cache(async (id: string): Promise<Loaded> => {
  const actor = await requirePageActor();
  try {
    const [user, tokens] = await Promise.all([getUserOrThrow(actor, id), listApiTokens(actor, id)]);
    return { kind: "ok", user, tokens };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") return { kind: "forbidden" };
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const loaded = await loadUser((await params).id);
  return { title: loaded.kind === "ok" ? loaded.user.email : "Admins only" };
}

export default async function UserPage({ params }: { params: Params }) {
  const actor = await requirePageActor();
  const loaded = await loadUser((await params).id);
  if (loaded.kind === "forbidden") return <AdminForbidden actor={actor} />;
  const { user, tokens } = loaded;
  const isSelf = actor.kind === "user" && actor.id === user.id;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-slate-600">
        <Link href="/admin/users" className="text-accent-700 hover:text-accent-900 hover:underline">
          Users
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{user.email}</span>
      </nav>

      <header className="mb-5 border-b border-slate-200 pb-4">
        <h1 className="text-xl font-semibold tracking-tight break-all text-slate-900">
          {user.email}
          {isSelf ? <span className="ml-2 text-sm font-normal text-slate-600">(you)</span> : null}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-slate-600">
          <span>{user.name}</span>
          <span aria-hidden="true">·</span>
          <span>{ROLE_LABELS[user.role]}</span>
          <span aria-hidden="true">·</span>
          <UserStatusBadge deactivatedAt={user.deactivatedAt} />
        </p>
      </header>

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
              <p className="text-sm text-slate-600">No tokens yet.</p>
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
