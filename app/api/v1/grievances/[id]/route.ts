import { recordChangeRoute, recordQueryRoute, recordRoute, routeMethods } from "@/lib/api/handler";
import { deleteGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: recordQueryRoute("id", "Grievance", getGrievanceOrThrow),
  PATCH: recordChangeRoute("Grievance", updateGrievance),
  /** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
  DELETE: recordRoute("id", "Grievance", deleteGrievance),
});
