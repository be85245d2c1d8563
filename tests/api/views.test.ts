import { describe, expect, it } from "vitest";
import { GET as readViewRoute, DELETE as deleteViewRoute, PATCH as patchView } from "@/app/api/v1/views/[id]/route";
import { GET as listViewsRoute, POST as createViewRoute } from "@/app/api/v1/views/route";
import { ViewListSchema, ViewSchema } from "@/lib/schemas/view";
import { expectNothingChanged } from "../support/fingerprint";
import { expectError, getRequest, jsonRequest, noParams, params, readJson, tokenFor } from "./support";

// GET/POST/PATCH/DELETE /api/v1/views (issue 11): 401 without a token, 403 for someone else's
// shared view, 400 naming the field, 409 for a stale version; each refusal changes nothing.

const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

async function create(token: string, body: unknown): Promise<Response> {
  return createViewRoute(jsonRequest("POST", "/api/v1/views", body, bearer(token)), noParams);
}

describe("/api/v1/views", () => {
  it("saves the list's filters normalised, lists, reads, renames and deletes the view", async () => {
    const analyst = await tokenFor("analyst");
    const response = await create(analyst, { name: "Open", query: "/grievances?status=OPEN&cursor=x", shared: true });
    expect(response.status).toBe(201);
    const view = ViewSchema.parse(await readJson(response));
    expect(view).toMatchObject({ name: "Open", query: "status=OPEN", shared: true, version: 1 });
    expect(response.headers.get("location")).toBe(`/api/v1/views/${view.id}`);

    const list = ViewListSchema.parse(
      await readJson(await listViewsRoute(getRequest("/api/v1/views", bearer(analyst)), noParams)),
    );
    expect(list.items.map((v) => v.id)).toContain(view.id);

    const id = params({ id: view.id });
    const renamed = await patchView(
      jsonRequest("PATCH", `/api/v1/views/${view.id}`, { version: 1, name: "Still open" }, bearer(analyst)),
      id,
    );
    expect(ViewSchema.parse(await readJson(renamed))).toMatchObject({ name: "Still open", version: 2 });

    const stale = await patchView(
      jsonRequest("PATCH", `/api/v1/views/${view.id}`, { version: 1, name: "x" }, bearer(analyst)),
      id,
    );
    const conflict = await expectError(stale, 409, "CONFLICT");
    expect(conflict.error.current).toMatchObject({ name: "Still open", version: 2 });

    const deleted = await deleteViewRoute(jsonRequest("DELETE", `/api/v1/views/${view.id}`, "", bearer(analyst)), id);
    expect(ViewSchema.parse(await readJson(deleted)).deletedAt).not.toBeNull();
    const read = await readViewRoute(getRequest(`/api/v1/views/${view.id}`, bearer(analyst)), id);
    expect(ViewSchema.parse(await readJson(read))).toMatchObject({ deletedAt: expect.any(String), count: null });
  });

  it("401s without a token and changes nothing", async () => {
    // The first request without a token makes the app's session secret (an AppSecret row), once
    // per database: made first, so the refused calls are checked for what they would have written.
    await listViewsRoute(getRequest("/api/v1/views", { Authorization: "" }), noParams);
    await expectNothingChanged(async () => {
      await expectError(
        await createViewRoute(
          jsonRequest(
            "POST",
            "/api/v1/views",
            { name: "x" },
            { "Content-Type": "application/json", Authorization: "" },
          ),
          noParams,
        ),
        401,
        "UNAUTHENTICATED",
      );
      await expectError(
        await listViewsRoute(getRequest("/api/v1/views", { Authorization: "" }), noParams),
        401,
        "UNAUTHENTICATED",
      );
    });
  });

  it("400s naming the field, and saves nothing", async () => {
    const analyst = await tokenFor("analyst");
    await expectNothingChanged(async () => {
      await expectError(await create(analyst, { name: "", query: "" }), 400, "VALIDATION_FAILED", "name");
      await expectError(
        await create(analyst, { name: "x", query: "status=NOPE" }),
        400,
        "VALIDATION_FAILED",
        "query.status",
      );
      await expectError(
        await create(analyst, { name: "x", query: "colour=red" }),
        400,
        "VALIDATION_FAILED",
        "query.colour",
      );
      await expectError(await create(analyst, { name: "x", shared: "perhaps" }), 400, "VALIDATION_FAILED", "shared");
      await expectError(await create(analyst, { name: "x", owner: "someone" }), 400, "VALIDATION_FAILED");
    });
  });

  it("403s another analyst's rename or delete of my shared view, 404s my personal one; nothing changes", async () => {
    const owner = await tokenFor("analyst");
    const other = await tokenFor("analyst");
    const shared = ViewSchema.parse(await readJson(await create(owner, { name: "Team", shared: true })));
    const personal = ViewSchema.parse(await readJson(await create(owner, { name: "Mine" })));
    await expectNothingChanged(async () => {
      const patch = (view: { id: string }) =>
        patchView(
          jsonRequest("PATCH", `/api/v1/views/${view.id}`, { version: 1, name: "Ours" }, bearer(other)),
          params({ id: view.id }),
        );
      const remove = (view: { id: string }) =>
        deleteViewRoute(jsonRequest("DELETE", `/api/v1/views/${view.id}`, "", bearer(other)), params({ id: view.id }));
      await expectError(await patch(shared), 403, "FORBIDDEN");
      await expectError(await remove(shared), 403, "FORBIDDEN");
      await expectError(await patch(personal), 404, "NOT_FOUND");
      await expectError(await remove(personal), 404, "NOT_FOUND");
      await expectError(
        await readViewRoute(getRequest(`/api/v1/views/${personal.id}`, bearer(other)), params({ id: personal.id })),
        404,
        "NOT_FOUND",
      );
    });
  });
});
