import { recordChangeRoute, recordQueryRoute, recordRoute } from "@/lib/api/handler";
import { deleteGrievance, getGrievanceOrThrow, updateGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = recordQueryRoute("id", "Grievance", getGrievanceOrThrow);

export const PATCH = recordChangeRoute("Grievance", updateGrievance);

/** Soft delete (admins): hidden everywhere, history kept; POST …/restore brings it back. */
export const DELETE = recordRoute("id", "Grievance", deleteGrievance);
