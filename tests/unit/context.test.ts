import { describe, expect, it } from "vitest";
import { contextTime } from "@/lib/server/context";

// lib/server/context.ts: the time a mutation is recorded at. The seed passes the date its source
// gives; a route handler or server action passes nothing, and the change happens now.

describe("contextTime", () => {
  it("is the context's own date when it gives one, the same instant and not a copy made now", () => {
    const at = new Date("2014-03-18T09:30:00Z");
    expect(contextTime({ at, sourceTitle: "A news report", seed: true })).toBe(at);
  });

  it("is now when the context gives no date, or there is no context", () => {
    for (const context of [undefined, {}, { sourceTitle: "A news report" }]) {
      const before = Date.now();
      const at = contextTime(context);
      expect(at).toBeInstanceOf(Date);
      expect(at.getTime()).toBeGreaterThanOrEqual(before);
      expect(at.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });
});
