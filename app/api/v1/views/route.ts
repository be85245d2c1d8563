import { apiRoute, createRoute, jsonResponse, routeMethods } from "@/lib/api/handler";
import { createView, listViews } from "@/lib/server/views";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** The caller's own views and the team's shared ones, each with its count. */
  GET: apiRoute(async (_request, _context, actor) => jsonResponse({ items: await listViews(actor) })),
  POST: createRoute(createView, (view) => `/api/v1/views/${view.id}`),
});
