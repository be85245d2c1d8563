import { apiRoute, jsonResponse, readCsvBody, routeMethods, searchParamsToObject } from "@/lib/api/handler";
import { parseOrThrow } from "@/lib/errors";
import { LIMITS } from "@/lib/schemas/common";
import { ImportQuerySchema } from "@/lib/schemas/import";
import { applyGrievanceImport, previewGrievanceImport } from "@/lib/server/imports";

export const dynamic = "force-dynamic";

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  /** A CSV file of grievances: `?dryRun=1` the report (200), else created all or none (201 with the ids). */
  POST: apiRoute(
    async (request, _context, actor) => {
      const { dryRun } = parseOrThrow(ImportQuerySchema, searchParamsToObject(request.url));
      const text = await readCsvBody(request, LIMITS.importBytes);
      if (dryRun === "1") return jsonResponse(await previewGrievanceImport(actor, text));
      return jsonResponse(await applyGrievanceImport(actor, text), { status: 201 });
    },
    { body: "text/csv" },
  ),
});
