import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/server/db";
import { sharedSecret } from "@/lib/server/secrets";

// lib/server/secrets.ts: a secret every instance shares. Set in the environment (32 characters at
// least) it is that; otherwise the first instance stores a random one and every other reads it.

describe("a shared secret", () => {
  it("is the environment's when it is long enough, and nothing is stored", async () => {
    const value = "e".repeat(32);
    expect(await sharedSecret("from-env", value)).toBe(value);
    expect(await (await getDb()).appSecret.findUnique({ where: { id: "from-env" } })).toBeNull();
  });

  it("is generated and stored when the environment's is missing or shorter than 32", async () => {
    const short = await sharedSecret("too-short", "s".repeat(31));
    expect(short).not.toBe("s".repeat(31));
    expect(short).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await (await getDb()).appSecret.findUniqueOrThrow({ where: { id: "too-short" } });
    expect(stored.value).toBe(short);
    expect(await sharedSecret("too-short", undefined)).toBe(short);
  });

  it("is one value per name, the same for every asker, even asking at once", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => sharedSecret("at-once", undefined)));
    expect(new Set(answers).size).toBe(1);
    expect(await sharedSecret("another", "")).not.toBe(answers[0]);
    expect(await (await getDb()).appSecret.count({ where: { id: "at-once" } })).toBe(1);
  });
});
