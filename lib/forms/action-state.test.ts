import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type ActionState, actionStateFromError, echoed, fieldErrorsOf, valuesOf } from "./action-state";

describe("actionStateFromError", () => {
  it("keys field errors by path, keeping the first per field", () => {
    const error = new AppError("VALIDATION_FAILED", "title: Title is required", {
      issues: [
        { path: "title", message: "Title is required" },
        { path: "title", message: "second" },
        { path: "outcomes.1.note", message: "Note is required" },
      ],
    });
    expect(actionStateFromError(error)).toMatchObject({
      status: "error",
      code: "VALIDATION_FAILED",
      fieldErrors: { title: "Title is required", "outcomes.1.note": "Note is required" },
    });
  });

  it("carries back the values it is given and the current record of a conflict", () => {
    const error = new AppError("CONFLICT", "Changed meanwhile", { current: { version: 4 } });
    expect(actionStateFromError(error, { title: "typed" })).toMatchObject({
      code: "CONFLICT",
      current: { version: 4 },
      values: { title: "typed" },
    });
  });

  it("rethrows what is not an AppError, so it reaches the error page and the log", () => {
    expect(() => actionStateFromError(new Error("boom"))).toThrow("boom");
  });
});

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
