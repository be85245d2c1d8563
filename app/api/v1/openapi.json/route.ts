import { apiRoute, jsonResponse } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document, generated from the zod schemas the API validates with. */
export const GET = apiRoute(async (_request, _context, actor) => jsonResponse(openApiDocument(actor)));
