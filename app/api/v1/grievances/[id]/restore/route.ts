import { recordRoute, routeMethods } from "@/lib/api/handler";
import { restoreGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** Brings back a deleted grievance with its history (admins). */
  POST: recordRoute("id", "Grievance", restoreGrievance),
});
