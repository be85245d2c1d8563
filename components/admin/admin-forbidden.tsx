import { NotAllowed, type NotAllowedProps } from "@/components/ui/not-allowed";

/** What a signed-in non-admin sees at an admin address (the 403 of lib/server, as a page). */
export function AdminForbidden({ actor }: Pick<NotAllowedProps, "actor">) {
  return (
    <NotAllowed
      actor={actor}
      need="admin"
      reason="Users and API tokens are managed by admins."
      back={{ href: "/", label: "Back to overview" }}
    />
  );
}
