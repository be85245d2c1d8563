import { describe, expect, it } from "vitest";
import { fieldLabel, valueText } from "./revision-values";

describe("valueText", () => {
  it("shows a vocabulary's value in words, as the rest of the app does", () => {
    expect(valueText("category", "BANKING")).toBe("Banking");
    expect(valueText("category", "LOCAL_STAFF")).toBe("Local staff");
    expect(valueText("statusAfter", "PARTIALLY_RESOLVED")).toBe("Partially resolved");
    expect(valueText("kind", "ORGANIZATION")).toBe("Organisation");
  });

  it("words a participant's role and keeps its party and head of delegation", () => {
    expect(valueText("participants", ["russia (DELEGATION, Alexander Darchiev)", "turkiye (HOST)"])).toBe(
      "russia (Delegation, Alexander Darchiev), turkiye (Host)",
    );
  });

  it("leaves free text alone, even where it looks like a value of another field's vocabulary", () => {
    expect(valueText("title", "BANKING")).toBe("BANKING");
    expect(valueText("raisedBy", ["russia", "united-states"])).toBe("russia, united-states");
    expect(valueText("category", "SOMETHING_NEW")).toBe("SOMETHING_NEW");
  });

  it("reads an instant at midnight UTC as its day, another as a date-time, and nothing as empty", () => {
    expect(valueText("date", "2025-04-10T00:00:00.000Z")).toBe("10 Apr 2025");
    expect(valueText("occurredAt", "2025-04-10T14:05:00.000Z")).toBe("10 Apr 2025, 14:05 UTC");
    expect(valueText("note", null)).toBe("");
    expect(valueText("note", "")).toBe("");
    expect(valueText("version", 3)).toBe("3");
  });
});

describe("fieldLabel", () => {
  it("splits a field's name into words", () => {
    expect(fieldLabel("raisedBy")).toBe("raised by");
    expect(fieldLabel("statusAfter")).toBe("status after");
  });
});
