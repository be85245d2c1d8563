import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { GrievanceDetailSchema } from "@/lib/schemas/grievance";
import { grievanceKeys } from "./keys";

// Shared query options (TanStack's queryOptions): one key, one fetcher and one parser per piece of
// server state the browser holds, for useQuery, queryClient.query and invalidation alike. The
// browser reads the same public API as any client, with the session cookie (GET only: mutations go
// through server actions, ADR 009).

/** Where a grievance stands: what a row about it shows as "Now" and the version it is saved against. */
const GrievanceStandingSchema = z.object(GrievanceDetailSchema.pick({ id: true, status: true, version: true }).shape);
export type GrievanceStanding = z.output<typeof GrievanceStandingSchema>;

/** A grievance's current status and version, from GET /api/v1/grievances/:id. */
export function grievanceStandingQuery(id: string) {
  return queryOptions({
    queryKey: grievanceKeys.standing(id),
    queryFn: async ({ signal }): Promise<GrievanceStanding> => {
      const response = await fetch(`/api/v1/grievances/${encodeURIComponent(id)}`, {
        signal,
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(`Could not read grievance ${id}: HTTP ${response.status}`);
      return GrievanceStandingSchema.parse(await response.json());
    },
  });
}
