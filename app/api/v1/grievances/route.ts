import { createRoute, pageRoute, routeMethods } from "@/lib/api/handler";
import { exportGrievances } from "@/lib/server/export";
import { createGrievance, listGrievances } from "@/lib/server/grievances";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** A page of JSON; with `format=csv|json` or `Accept: text/csv`, every grievance the filters match, streamed. */
  GET: pageRoute(listGrievances, exportGrievances),
  POST: createRoute(createGrievance, (grievance) => `/api/v1/grievances/${grievance.id}`),
});
