import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { actionStateFromError, echoed, fieldErrorsOf, valuesOf, type ActionState } from "./action-state";

// Cases that kill mutants Stryker found surviving action-state.test.ts (npm run test:mutation).

describe("actionStateFromError, branch by branch", () => {
  it("a refusal without a current record or values carries neither key (the form tells them apart by presence)", () => {
    const state = actionStateFromError(new AppError("FORBIDDEN", "Not allowed"));
    expect(Object.keys(state).sort()).toEqual(["code", "fieldErrors", "formError", "status"]);
  });
});

describe("reading a form's state", () => {
  const refused = actionStateFromError(
    new AppError("VALIDATION_FAILED", "Check the form", { issues: [{ path: "title", message: "Title is required" }] }),
    { title: "typed", tags: ["a"] },
  );
  const saved: ActionState = { status: "ok", data: { id: "g1" } };

  it("field errors and echoed values come from a refusal only", () => {
    expect(fieldErrorsOf(refused)).toEqual({ title: "Title is required" });
    expect(fieldErrorsOf(saved)).toEqual({});
    expect(fieldErrorsOf({ status: "idle" })).toEqual({});
    expect(valuesOf(refused)).toEqual({ title: "typed", tags: ["a"] });
    expect(valuesOf(saved)).toBeUndefined();
  });

  it("an echoed field is its text, or undefined when absent or not text", () => {
    expect(echoed(valuesOf(refused), "title")).toBe("typed");
    expect(echoed(valuesOf(refused), "tags")).toBeUndefined();
    expect(echoed(valuesOf(refused), "missing")).toBeUndefined();
    expect(echoed(undefined, "title")).toBeUndefined();
  });
});
