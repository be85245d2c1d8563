import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { FORM_LIMITS, formDataToObject } from "./form-data";

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

  it("reads index keys as a list only when every key is a whole number, ten and up included", () => {
    const form = new FormData();
    for (let i = 11; i >= 0; i--) form.append(`rows.${i}`, `r${i}`);
    form.append("mixed.0", "zero");
    form.append("mixed.x", "ex");
    form.append("suffix.a1", "s");
    form.append("prefix.1a", "p");
    const out = formDataToObject(form);
    expect(out.rows).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`));
    expect(out.mixed).toEqual({ 0: "zero", x: "ex" });
    expect(out.suffix).toEqual({ a1: "s" });
    expect(out.prefix).toEqual({ "1a": "p" });
  });

  it("drops uploaded files: the shared schemas read text fields only", () => {
    const form = new FormData();
    form.append("title", "kept");
    form.append("attachment", new Blob(["x"]), "a.txt");
    const out = formDataToObject(form);
    expect(out.title).toBe("kept");
    expect(out.attachment).toBeUndefined();
  });

  it("ignores prototype-polluting keys, skipping each forbidden segment", () => {
    const form = new FormData();
    form.append("constructor.x", "1");
    form.append("prototype.y", "2");
    form.append("row.constructor.z", "3");
    expect(formDataToObject(form)).toEqual({ x: "1", y: "2", row: { z: "3" } });
  });

  it("ignores prototype-polluting keys", () => {
    const form = new FormData();
    form.append("__proto__.polluted", "yes");
    form.append("a.constructor.prototype.polluted", "yes");
    formDataToObject(form);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a key nested 5,000 levels deep without overflowing the stack, naming the field", () => {
    const form = new FormData();
    form.append(Array(5_000).fill("a").join("."), "x");
    const error = catchError(() => formDataToObject(form));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((error as AppError).issues[0]!.path).toMatch(/^a\.a\.a.*…$/);
    expect((error as AppError).issues[0]!.path.length).toBeLessThanOrEqual(61);
  });

  it("names a refused field in full up to 60 characters, and in the message", () => {
    // Nine segments of six letters and eight dots: 62 characters; drop two letters for exactly 60.
    const key = ["aaaa", ...Array(8).fill("aaaaaa")].join(".");
    expect(key).toHaveLength(60);
    const form = new FormData();
    form.append(key, "x");
    const error = catchError(() => formDataToObject(form)) as AppError;
    expect(error.issues[0]!.path).toBe(key);
    expect(error.message).toBe(`${key}: Field is nested more than ${FORM_LIMITS.depth} levels deep`);
  });

  it("refuses a key nested deeper than the limit, and reads one at the limit", () => {
    const at = Array(FORM_LIMITS.depth).fill("b").join(".");
    const ok = new FormData();
    ok.append(at, "x");
    expect(formDataToObject(ok)).toEqual({ b: { b: { b: { b: { b: { b: { b: { b: "x" } } } } } } } });
    const deeper = new FormData();
    deeper.append(`${at}.b`, "x");
    deeper.append("title", "fine");
    expect(catchError(() => formDataToObject(deeper))).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: `${at}.b`, message: `Field is nested more than ${FORM_LIMITS.depth} levels deep` }],
    });
  });

  it("refuses a key name longer than the limit", () => {
    const form = new FormData();
    form.append("n".repeat(FORM_LIMITS.keyLength), "fits");
    expect(Object.keys(formDataToObject(form))).toHaveLength(1);
    form.append("n".repeat(FORM_LIMITS.keyLength + 1), "too long");
    expect(catchError(() => formDataToObject(form))).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ message: `Field name is longer than ${FORM_LIMITS.keyLength} characters` }],
    });
  });

  it("refuses more keys than the limit, not counting Next's own", () => {
    const form = new FormData();
    for (let i = 0; i < FORM_LIMITS.keys; i++) form.append(`k${i}`, "v");
    form.append("$ACTION_ID_abc", "");
    expect(Object.keys(formDataToObject(form))).toHaveLength(FORM_LIMITS.keys);
    form.append("one-more", "v");
    expect(catchError(() => formDataToObject(form))).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "", message: `The form has more than ${FORM_LIMITS.keys} fields` }],
    });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}
