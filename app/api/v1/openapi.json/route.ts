import { apiRoute, jsonResponse, routeMethods } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** The OpenAPI 3.1 document, generated from the zod schemas the API validates with. */
  GET: apiRoute(async (_request, _context, actor) => jsonResponse(openApiDocument(actor))),
});
