import { createRoute, pageRoute } from "@/lib/api/handler";
import { createGrievance, listGrievances } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const GET = pageRoute(listGrievances);

export const POST = createRoute(createGrievance, (grievance) => `/api/v1/grievances/${grievance.id}`);
