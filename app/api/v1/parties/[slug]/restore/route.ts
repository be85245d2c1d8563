import { recordRoute, routeMethods } from "@/lib/api/handler";
import { restoreParty } from "@/lib/server/parties";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Brings back a deleted party (admins); one merged into another stays merged. */
  POST: recordRoute("slug", "Party", restoreParty),
});
