-- CreateTable
CREATE TABLE "GrievanceTally" (
    "partyId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("partyId", "role", "status")
);


-- Written by hand: prisma/snapshots/20261201183610_grievance_tally.sqlite.sql
-- The grievance tally (ADR 012): GrievanceTally holds, per (party or "", role or "", status), how
-- many live grievances the list's filters match. These triggers keep it in the statement that
-- changed a grievance or a party row, so no write path can forget it and it commits or rolls back
-- with the change. SQLite runs a row trigger right after its row, so each one sees the rows
-- before it in the same statement: a party's "any role" count ("") moves only when its first
-- role on a grievance is added or its last one removed. Every write is an upsert of signed
-- deltas grouped by key; a zero delta writes nothing.

-- What the database holds already (an upgrade of an archive).
INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT '', '', "status", COUNT(*) FROM "Grievance" WHERE "deletedAt" IS NULL GROUP BY "status";

INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT gp."partyId", gp."role", g."status", COUNT(*)
FROM "GrievanceParty" gp JOIN "Grievance" g ON g."id" = gp."grievanceId"
WHERE g."deletedAt" IS NULL
GROUP BY gp."partyId", gp."role", g."status";

INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT gp."partyId", '', g."status", COUNT(DISTINCT gp."grievanceId")
FROM "GrievanceParty" gp JOIN "Grievance" g ON g."id" = gp."grievanceId"
WHERE g."deletedAt" IS NULL
GROUP BY gp."partyId", g."status";

-- A new grievance counts under "every party"; its parties are inserted after it (foreign key).
CREATE TRIGGER "GrievanceTally_grievance_insert" AFTER INSERT ON "Grievance"
WHEN NEW."deletedAt" IS NULL
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n") VALUES ('', '', NEW."status", 1)
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A status change, a delete or a restore moves the grievance's whole contribution: out of its old
-- status if it was live, into its new one if it is.
CREATE TRIGGER "GrievanceTally_grievance_update" AFTER UPDATE OF "status", "deletedAt" ON "Grievance"
WHEN OLD."status" IS NOT NEW."status" OR (OLD."deletedAt" IS NULL) <> (NEW."deletedAt" IS NULL)
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("n") FROM (
    SELECT '' AS "partyId", '' AS "role", OLD."status" AS "status", -1 AS "n" WHERE OLD."deletedAt" IS NULL
    UNION ALL
    SELECT "partyId", "role", OLD."status", -1 FROM "GrievanceParty"
    WHERE "grievanceId" = OLD."id" AND OLD."deletedAt" IS NULL
    UNION ALL
    SELECT DISTINCT "partyId", '', OLD."status", -1 FROM "GrievanceParty"
    WHERE "grievanceId" = OLD."id" AND OLD."deletedAt" IS NULL
    UNION ALL
    SELECT '', '', NEW."status", 1 WHERE NEW."deletedAt" IS NULL
    UNION ALL
    SELECT "partyId", "role", NEW."status", 1 FROM "GrievanceParty"
    WHERE "grievanceId" = NEW."id" AND NEW."deletedAt" IS NULL
    UNION ALL
    SELECT DISTINCT "partyId", '', NEW."status", 1 FROM "GrievanceParty"
    WHERE "grievanceId" = NEW."id" AND NEW."deletedAt" IS NULL
  ) WHERE true
  GROUP BY "partyId", "role", "status" HAVING SUM("n") <> 0
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A hard delete takes the contribution out while the party rows still exist; their cascade then
-- finds no grievance and changes nothing.
CREATE TRIGGER "GrievanceTally_grievance_delete" BEFORE DELETE ON "Grievance"
WHEN OLD."deletedAt" IS NULL
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("n") FROM (
    SELECT '' AS "partyId", '' AS "role", OLD."status" AS "status", -1 AS "n"
    UNION ALL
    SELECT "partyId", "role", OLD."status", -1 FROM "GrievanceParty" WHERE "grievanceId" = OLD."id"
    UNION ALL
    SELECT DISTINCT "partyId", '', OLD."status", -1 FROM "GrievanceParty" WHERE "grievanceId" = OLD."id"
  ) WHERE true
  GROUP BY "partyId", "role", "status"
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A party named on a live grievance: its role's count, and "any role" unless it already had the other.
CREATE TRIGGER "GrievanceTally_party_insert" AFTER INSERT ON "GrievanceParty"
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("n") FROM (
    SELECT NEW."partyId" AS "partyId", NEW."role" AS "role", g."status" AS "status", 1 AS "n"
    FROM "Grievance" g WHERE g."id" = NEW."grievanceId" AND g."deletedAt" IS NULL
    UNION ALL
    SELECT NEW."partyId", '', g."status", 1
    FROM "Grievance" g WHERE g."id" = NEW."grievanceId" AND g."deletedAt" IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM "GrievanceParty" o
      WHERE o."grievanceId" = NEW."grievanceId" AND o."partyId" = NEW."partyId" AND o."role" <> NEW."role"
    )
  ) WHERE true
  GROUP BY "partyId", "role", "status"
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A party row removed: its role's count, and "any role" when it was the party's last row there.
CREATE TRIGGER "GrievanceTally_party_delete" AFTER DELETE ON "GrievanceParty"
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("n") FROM (
    SELECT OLD."partyId" AS "partyId", OLD."role" AS "role", g."status" AS "status", -1 AS "n"
    FROM "Grievance" g WHERE g."id" = OLD."grievanceId" AND g."deletedAt" IS NULL
    UNION ALL
    SELECT OLD."partyId", '', g."status", -1
    FROM "Grievance" g WHERE g."id" = OLD."grievanceId" AND g."deletedAt" IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM "GrievanceParty" o WHERE o."grievanceId" = OLD."grievanceId" AND o."partyId" = OLD."partyId"
    )
  ) WHERE true
  GROUP BY "partyId", "role", "status"
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;

-- A party row changed (a merge moves it to the survivor): the old row out, the new one in; "any
-- role" stays when the grievance and party are the same (only the role changed).
CREATE TRIGGER "GrievanceTally_party_update" AFTER UPDATE ON "GrievanceParty"
WHEN OLD."grievanceId" IS NOT NEW."grievanceId" OR OLD."partyId" IS NOT NEW."partyId" OR OLD."role" IS NOT NEW."role"
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("n") FROM (
    SELECT OLD."partyId" AS "partyId", OLD."role" AS "role", g."status" AS "status", -1 AS "n"
    FROM "Grievance" g WHERE g."id" = OLD."grievanceId" AND g."deletedAt" IS NULL
    UNION ALL
    SELECT OLD."partyId", '', g."status", -1
    FROM "Grievance" g WHERE g."id" = OLD."grievanceId" AND g."deletedAt" IS NULL
    AND NOT EXISTS (
      SELECT 1 FROM "GrievanceParty" o WHERE o."grievanceId" = OLD."grievanceId" AND o."partyId" = OLD."partyId"
    )
    UNION ALL
    SELECT NEW."partyId", NEW."role", g."status", 1
    FROM "Grievance" g WHERE g."id" = NEW."grievanceId" AND g."deletedAt" IS NULL
    UNION ALL
    SELECT NEW."partyId", '', g."status", 1
    FROM "Grievance" g WHERE g."id" = NEW."grievanceId" AND g."deletedAt" IS NULL
    AND NOT (OLD."grievanceId" = NEW."grievanceId" AND OLD."partyId" = NEW."partyId")
    AND NOT EXISTS (
      SELECT 1 FROM "GrievanceParty" o
      WHERE o."grievanceId" = NEW."grievanceId" AND o."partyId" = NEW."partyId" AND o."role" <> NEW."role"
    )
  ) WHERE true
  GROUP BY "partyId", "role", "status" HAVING SUM("n") <> 0
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "n" + excluded."n";
END;
