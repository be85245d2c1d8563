import { createRoute, pageRoute, routeMethods } from "@/lib/api/handler";
import { createGrievance, listGrievances } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: pageRoute(listGrievances),
  POST: createRoute(createGrievance, (grievance) => `/api/v1/grievances/${grievance.id}`),
});
