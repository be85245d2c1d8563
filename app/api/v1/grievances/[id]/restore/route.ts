import { recordRoute } from "@/lib/api/handler";
import { restoreGrievance } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

/** Brings back a deleted grievance with its history (admins). */
export const POST = recordRoute("id", "Grievance", restoreGrievance);
