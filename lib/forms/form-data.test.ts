import { describe, expect, it } from "vitest";
import { formDataToObject } from "./form-data";

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
