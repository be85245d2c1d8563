import type { AdminActionState } from "@/app/admin/actions";

export type ActionResult = { message: string | null; tone: "error" | "success" };

/**
 * What a one-field or one-button form says after an answer: the server's message on success;
 * on a refusal the first field message ("The last active admin must stay an admin") rather than
 * the summary, which prefixes the field's path.
 */
export function actionResult(state: AdminActionState): ActionResult {
  if (state.status === "ok") return { message: state.message ?? "Done.", tone: "success" };
  if (state.status === "error")
    return { message: Object.values(state.fieldErrors)[0] ?? state.formError, tone: "error" };
  return { message: null, tone: "success" };
}
