import { ButtonLink } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/schemas/user";

/** The part of lib/server's Actor this page shows. */
type Viewer = { kind: "system" } | { kind: "user"; email: string; role: Role };

/** What a signed-in non-admin sees at an admin address (the 403 of lib/server, as a page). */
export function AdminForbidden({ actor }: { actor: Viewer }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-xs font-semibold tracking-wider text-slate-600 uppercase">403 · Forbidden</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-slate-900">You need the admin role</h1>
      <p className="mt-2 text-sm text-slate-600">
        Users and API tokens are managed by admins.
        {actor.kind === "user" ? (
          <>
            {" "}
            You are signed in as {actor.email}, with the {ROLE_LABELS[actor.role]} role.
          </>
        ) : null}{" "}
        If your work needs this page, ask an admin to change your role.
      </p>
      <div className="mt-6 flex justify-center gap-2">
        <ButtonLink href="/" variant="primary">
          Back to overview
        </ButtonLink>
      </div>
    </div>
  );
}
