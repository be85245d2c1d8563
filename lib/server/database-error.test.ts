import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { databaseError, staleSnapshot } from "./database-error";

// Each driver's refusals in the shapes they arrive in (Prisma's known request errors over the
// SQLite and PostgreSQL adapters, the adapter's own DriverAdapterError, better-sqlite3's
// SqliteError), so the PostgreSQL ones are checked on every run, not only where a server is up.
// tests/integration/mutation.test.ts and deadlock.test.ts cause the real ones on a real database.

const noEntry = () => undefined;

/** Prisma's P2002 as the driver adapters report it: the columns in the adapter's cause. */
function uniqueP2002(cause: object, meta: object = {}) {
  return Object.assign(new Error("Unique constraint failed"), {
    code: "P2002",
    meta: {
      modelName: "Party",
      driverAdapterError: { cause: { kind: "UniqueConstraintViolation", ...cause } },
      ...meta,
    },
  });
}

function mapped(error: unknown, uniqueError: (fields: string[]) => AppError | undefined = noEntry) {
  const result = databaseError(error, uniqueError);
  expect(result).toBeInstanceOf(AppError);
  const { status, code, message, issues } = result as AppError;
  return { status, code, message, issues };
}

describe("databaseError: unique violations", () => {
  it("names the model and the columns the adapter names", () => {
    expect(mapped(uniqueP2002({ constraint: { fields: ["slug"] } }))).toEqual({
      status: 409,
      code: "CONFLICT",
      message: "A party with this slug exists already",
      issues: [{ path: "slug", message: "A party with this slug exists already" }],
    });
  });

  it("joins a compound key's columns, and asks the entry for that key by 'a,b'", () => {
    const asked: string[][] = [];
    const error = uniqueP2002({ constraint: { fields: ["meetingId", "grievanceId"] } });
    expect(mapped(error, (fields) => (asked.push(fields), undefined)).message).toBe(
      "A party with this meetingId and grievanceId exists already",
    );
    expect(asked).toEqual([["meetingId", "grievanceId"]]);
  });

  it("returns the entry's own error when it has one", () => {
    const own = new AppError("VALIDATION_FAILED", "email: taken", { issues: [{ path: "email", message: "taken" }] });
    expect(databaseError(uniqueP2002({ constraint: { fields: ["email"] } }), () => own)).toBe(own);
  });

  it("reads the columns out of a PostgreSQL index name when the adapter gives only the index", () => {
    expect(mapped(uniqueP2002({ constraint: { index: "Party_slug_key" } })).issues).toEqual([
      { path: "slug", message: "A party with this slug exists already" },
    ]);
    expect(mapped(uniqueP2002({ constraint: { index: "Venue_city_name_key" } })).message).toBe(
      "A party with this city and name exists already",
    );
    expect(mapped(uniqueP2002({ constraint: { index: "User_pkey" } })).message).toBe(
      "A party with this value exists already",
    );
  });

  it("reads the columns from meta.target, as an array or as an index name, when the cause has none", () => {
    expect(mapped(uniqueP2002({}, { target: ["email"] })).issues).toEqual([
      { path: "email", message: "A party with this email exists already" },
    ]);
    const noCause = Object.assign(new Error("Unique constraint failed"), {
      code: "P2002",
      meta: { modelName: "User", driverAdapterError: {}, target: ["email"] },
    });
    expect(mapped(noCause).message).toBe("A user with this email exists already");
    expect(mapped(uniqueP2002({ constraint: { fields: [] } }, { target: "Party_name_key" })).message).toBe(
      "A party with this name exists already",
    );
  });

  it("says 'value' and names no field when nothing names the columns", () => {
    expect(mapped(uniqueP2002({ constraint: { index: "unnamed" } }))).toMatchObject({
      code: "CONFLICT",
      message: "A party with this value exists already",
      issues: [],
    });
    const bare = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    expect(mapped(bare)).toMatchObject({ message: "A record with this value exists already", issues: [] });
  });

  it("maps a unique violation the adapter threw unwrapped (a raw query), with no model", () => {
    const raw = Object.assign(new Error("unique"), {
      name: "DriverAdapterError",
      cause: { kind: "UniqueConstraintViolation", constraint: { fields: ["slug"] } },
    });
    expect(mapped(raw).message).toBe("A record with this slug exists already");
    // Another kind of unwrapped driver error is not a unique violation, and not ours to name.
    const other = Object.assign(new Error("other"), {
      name: "DriverAdapterError",
      cause: { kind: "TooManyConnections" },
    });
    expect(databaseError(other, noEntry)).toBe(other);
    const causeless = Object.assign(new Error("closed"), { name: "DriverAdapterError" });
    expect(databaseError(causeless, noEntry)).toBe(causeless);
    const notAdapter = Object.assign(new Error("x"), { cause: { kind: "UniqueConstraintViolation" } });
    expect(databaseError(notAdapter, noEntry)).toBe(notAdapter);
  });
});

describe("databaseError: the rest", () => {
  it("passes an AppError through, and anything it does not know as it came", () => {
    const own = new AppError("NOT_FOUND", "Grievance was not found");
    expect(databaseError(own, noEntry)).toBe(own);
    const unknown = Object.assign(new Error("disk full"), { code: "P9999" });
    expect(databaseError(unknown, noEntry)).toBe(unknown);
    expect(databaseError(null, noEntry)).toBeNull();
    expect(databaseError("a string", noEntry)).toBe("a string");
  });

  it("turns a record missing under an update (P2025) into NOT_FOUND for its model", () => {
    const missing = Object.assign(new Error("not found"), { code: "P2025", meta: { modelName: "Venue" } });
    expect(mapped(missing)).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Venue was not found" });
    const anonymous = Object.assign(new Error("not found"), { code: "P2025" });
    expect(mapped(anonymous).message).toBe("Record was not found");
  });

  it("answers a stale SQLite snapshot with a CONFLICT to try again", () => {
    const stale = Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" });
    expect(staleSnapshot(stale)).toBe(true);
    expect(mapped(stale)).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "Another writer kept changing the same records meanwhile; try again",
    });
    expect(staleSnapshot(Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }))).toBe(false);
    expect(staleSnapshot(null)).toBe(false);
    expect(staleSnapshot("SQLITE_BUSY_SNAPSHOT")).toBe(false);
  });

  it("answers each way PostgreSQL reports a write conflict with a CONFLICT to try again", () => {
    const message = "Another writer was changing the same records at the same time; try again";
    const shapes = [
      { code: "P2034" },
      { cause: { kind: "TransactionWriteConflict" } },
      { name: "DriverAdapterError", cause: { originalCode: "40P01" } },
      { name: "DriverAdapterError", cause: { originalCode: "40001" } },
    ];
    for (const shape of shapes) {
      expect(mapped(Object.assign(new Error("conflict"), shape)), JSON.stringify(shape)).toMatchObject({
        status: 409,
        code: "CONFLICT",
        message,
      });
    }
    // Another SQLSTATE (here a check constraint) is no conflict to retry.
    const check = Object.assign(new Error("check"), { cause: { originalCode: "23514" } });
    expect(databaseError(check, noEntry)).toBe(check);
  });

  it("answers a busy database (P2028, or SQLite's busy timeout under P1008) with a CONFLICT to try again", () => {
    const busy = { status: 409, code: "CONFLICT", message: "The database is busy with other changes; try again" };
    expect(mapped(Object.assign(new Error("timeout"), { code: "P2028" }))).toMatchObject(busy);
    const sqliteBusy = Object.assign(new Error("timed out"), {
      code: "P1008",
      meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } },
    });
    expect(mapped(sqliteBusy)).toMatchObject(busy);
    const otherTimeout = Object.assign(new Error("timed out"), {
      code: "P1008",
      meta: { driverAdapterError: { cause: { originalCode: "SQLITE_IOERR" } } },
    });
    expect(databaseError(otherTimeout, noEntry)).toBe(otherTimeout);
    // A timeout whose adapter error carries no cause, or with no adapter error at all, is not ours.
    for (const meta of [{}, { driverAdapterError: {} }]) {
      const bare = Object.assign(new Error("timed out"), { code: "P1008", meta });
      expect(databaseError(bare, noEntry)).toBe(bare);
    }
  });
});
