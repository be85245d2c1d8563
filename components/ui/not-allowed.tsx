import { ButtonLink } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/schemas/user";

/** The part of lib/server's Actor this page shows. */
type Viewer = { kind: "system" } | { kind: "user"; email: string; role: Role };

export type NotAllowedProps = {
  actor: Viewer;
  /** The least role the page needs (lib/server/authz's PERMISSIONS). */
  need: Role;
  /** Who does this, in a sentence: "Grievances are raised by analysts and admins." */
  reason: string;
  back: { href: string; label: string };
};

/**
 * What a signed-in user sees at a page their role may not use (lib/server's 403, as a page),
 * instead of a form that would only be refused on submit.
 */
export function NotAllowed({ actor, need, reason, back }: NotAllowedProps) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-xs font-semibold tracking-wider text-slate-600 uppercase">403 · Forbidden</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-slate-900">
        You need the {ROLE_LABELS[need]} role
      </h1>
      <p className="mt-2 text-sm text-slate-600">
        {reason}
        {actor.kind === "user" ? (
          <>
            {" "}
            You are signed in as {actor.email}, with the {ROLE_LABELS[actor.role]} role.
          </>
        ) : null}{" "}
        If your work needs this page, ask an admin to change your role.
      </p>
      <div className="mt-6 flex justify-center gap-2">
        <ButtonLink href={back.href} variant="primary">
          {back.label}
        </ButtonLink>
      </div>
    </div>
  );
}
