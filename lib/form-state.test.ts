import { describe, expect, it } from "vitest";
import { AppError } from "./errors";
import { formDataToObject, formStateFromError } from "./form-state";

describe("formDataToObject", () => {
  it("nests dotted keys into lists of rows, in index order", () => {
    const form = new FormData();
    form.append("outcomes.1.grievanceId", "g2");
    form.append("outcomes.0.grievanceId", "g1");
    form.append("outcomes.0.note", "first");
    form.append("outcomes.1.note", "second");
    form.append("$ACTION_ID_abc", "");
    expect(formDataToObject(form)).toEqual({
      outcomes: [
        { grievanceId: "g1", note: "first" },
        { grievanceId: "g2", note: "second" },
      ],
    });
  });

  it("makes repeated keys and named keys arrays", () => {
    const form = new FormData();
    form.append("raisedBy", "russia");
    form.append("raisedBy", "united-states");
    form.append("addressedTo", "turkiye");
    expect(formDataToObject(form, ["addressedTo"])).toEqual({
      raisedBy: ["russia", "united-states"],
      addressedTo: ["turkiye"],
    });
  });

  it("ignores prototype-polluting keys", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("a.constructor.prototype.polluted", "yes");
    formDataToObject(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formStateFromError", () => {
  it("keys field errors by path, keeping the first per field", () => {
    const error = new AppError("VALIDATION_FAILED", "title: Title is required", {
      issues: [
        { path: "title", message: "Title is required" },
        { path: "title", message: "second" },
        { path: "outcomes.1.note", message: "Note is required" },
      ],
    });
    expect(formStateFromError(error)).toMatchObject({
      status: "error",
      code: "VALIDATION_FAILED",
      fieldErrors: { title: "Title is required", "outcomes.1.note": "Note is required" },
    });
  });

  it("rethrows what is not an AppError, so it reaches the error page and the log", () => {
    expect(() => formStateFromError(new Error("boom"))).toThrow("boom");
  });
});
