import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/server/authz";
import { getDb } from "@/lib/server/db";
import { mutate, mutationContext } from "@/lib/server/mutation";
import { reactivateUser } from "@/lib/server/users";

// The mutation runner: authorize → validate → one transaction, and what the database refuses
// comes back as an AppError. On both databases, since each reports a refusal its own way.

const party = (slug: string) => ({ data: { slug, name: slug, kind: "STATE" as const, searchText: slug } });

describe("mutate", () => {
  it("refuses before any query: no actor is 401, a bad input names its field", async () => {
    const work = vi.fn(async () => "ran");
    await expect(mutate(null, { permission: "write" }, work)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const spec = { permission: "write", schema: z.strictObject({ name: z.string() }), input: { name: 1 } } as const;
    await expect(mutate(SYSTEM, spec, work)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "name" }],
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("commits the work in one transaction, or nothing of it when it throws", async () => {
    const db = await getDb();
    await expect(
      mutate(SYSTEM, { permission: "write" }, async (tx) => {
        await tx.party.create(party("rolled-back"));
        throw new AppError("CONFLICT", "changed my mind");
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "changed my mind" });
    expect(await db.party.count({ where: { slug: "rolled-back" } })).toBe(0);
    await mutate(SYSTEM, { permission: "write" }, (tx) => tx.party.create(party("kept")));
    expect(await db.party.count({ where: { slug: "kept" } })).toBe(1);
  });

  it("queues a transaction behind a long one instead of failing after Prisma's 2 s wait", async () => {
    const db = await getDb();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const begun = new Promise<void>((resolve) => (holding = resolve));
    const first = mutate(SYSTEM, { permission: "write" }, async (tx) => {
      await tx.party.create(party("held-long"));
      holding();
      await held;
    });
    await begun;
    // On SQLite this one waits for the adapter's mutex (one transaction per process) all along.
    const second = mutate(SYSTEM, { permission: "write" }, (tx) => tx.party.create(party("queued-behind")));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    release();
    await first;
    await second;
    expect(await db.party.count({ where: { slug: { in: ["held-long", "queued-behind"] } } })).toBe(2);
  });

  it("answers a transaction that could not begin or outlived its timeout (P2028) with a CONFLICT to retry", async () => {
    const timedOut = Object.assign(new Error("Transaction API error: Unable to start a transaction"), {
      code: "P2028",
    });
    await expect(
      mutate(SYSTEM, { permission: "write" }, async () => {
        throw timedOut;
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "The database is busy with other changes; try again",
    });
  });

  it("turns a unique violation it has no message for into a CONFLICT naming the field", async () => {
    await mutate(SYSTEM, { permission: "write" }, (tx) => tx.party.create(party("twice")));
    const error = await mutate(SYSTEM, { permission: "write" }, (tx) => tx.party.create(party("twice"))).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "A party with this slug exists already",
      issues: [{ path: "slug", message: "A party with this slug exists already" }],
    });
  });

  it("uses the entry's own error for a unique field it names", async () => {
    await mutate(SYSTEM, { permission: "write" }, (tx) => tx.party.create(party("named")));
    const unique = {
      slug: () => new AppError("VALIDATION_FAILED", "slug: taken", { issues: [{ path: "slug", message: "taken" }] }),
    };
    await expect(
      mutate(SYSTEM, { permission: "write", unique }, (tx) => tx.party.create(party("named"))),
    ).rejects.toMatchObject({ status: 400, code: "VALIDATION_FAILED", message: "slug: taken" });
    // An entry for another field leaves this violation to the general CONFLICT.
    const other = { name: unique.slug };
    await expect(
      mutate(SYSTEM, { permission: "write", unique: other }, (tx) => tx.party.create(party("named"))),
    ).rejects.toMatchObject({ status: 409, code: "CONFLICT", message: "A party with this slug exists already" });
  });

  it("turns a record missing under an update (P2025) into NOT_FOUND", async () => {
    await expect(reactivateUser(SYSTEM, "no-such-user")).rejects.toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      message: "User was not found",
    });
  });
  it("runs a transaction again on a stale SQLite snapshot, and gives up after three", async () => {
    const db = await getDb();
    const stale = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" });
    let runs = 0;
    const kept = await mutate(SYSTEM, { permission: "write" }, async (tx) => {
      runs++;
      if (runs === 1) throw stale();
      return tx.party.create(party("second-try"));
    });
    expect(runs).toBe(2);
    expect(kept.slug).toBe("second-try");
    expect(await db.party.count({ where: { slug: "second-try" } })).toBe(1);

    let attempts = 0;
    await expect(
      mutate(SYSTEM, { permission: "write" }, async (tx) => {
        attempts++;
        await tx.party.create(party(`never-${attempts}`));
        throw stale();
      }),
    ).rejects.toMatchObject({ status: 409, code: "CONFLICT" });
    expect(attempts).toBe(3);
    expect(await db.party.count({ where: { slug: { startsWith: "never-" } } })).toBe(0);
  });

  it("keeps the spec's context with its transaction, for the revisions written inside it", async () => {
    const context = { seed: true, sourceTitle: "Kommersant", at: new Date("2025-02-27T00:00:00Z") };
    const seen = await mutate(SYSTEM, { permission: "write", context }, async (tx) => mutationContext(tx));
    expect(seen).toEqual(context);
    expect(await mutate(SYSTEM, { permission: "write" }, async (tx) => mutationContext(tx))).toEqual({});
  });

  it("ends a transaction that outlives the spec's timeout with nothing written, as a CONFLICT to retry", async () => {
    const db = await getDb();
    await expect(
      mutate(SYSTEM, { permission: "write", timeoutMs: 300 }, async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await tx.party.create(party("too-late"));
      }),
    ).rejects.toMatchObject({ status: 409, code: "CONFLICT" });
    expect(await db.party.count({ where: { slug: "too-late" } })).toBe(0);
  });
});
