import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { grievanceStandingQuery } from "./grievances";
import { grievanceKeys } from "./keys";

afterEach(() => vi.unstubAllGlobals());

describe("grievanceStandingQuery", () => {
  it("reads a grievance from the API and keeps only its id, status and version", async () => {
    const fetch = vi.fn(async () =>
      Response.json({ id: "g 1", title: "Parking", status: "STALLED", version: 4, history: [] }),
    );
    vi.stubGlobal("fetch", fetch);
    const client = new QueryClient();
    expect(await client.query(grievanceStandingQuery("g 1"))).toEqual({ id: "g 1", status: "STALLED", version: 4 });
    expect(fetch).toHaveBeenCalledWith(
      "/api/v1/grievances/g%201",
      expect.objectContaining({ signal: expect.anything() }),
    );
    // Filed under the grievance's detail key, so invalidating the grievance reaches it.
    expect(client.getQueryData(grievanceKeys.standing("g 1"))).toMatchObject({ version: 4 });
    await client.invalidateQueries({ queryKey: grievanceKeys.detail("g 1") });
    expect(client.getQueryState(grievanceKeys.standing("g 1"))?.isInvalidated).toBe(true);
  });

  it("fails on a refusal or an answer of the wrong shape", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ error: { code: "NOT_FOUND" } }, { status: 404 }));
    await expect(new QueryClient().query(grievanceStandingQuery("x"))).rejects.toThrow("HTTP 404");
    vi.stubGlobal("fetch", async () => Response.json({ id: "x", status: "LOST", version: 1 }));
    await expect(new QueryClient().query(grievanceStandingQuery("x"))).rejects.toThrow();
  });
});
