-- The grievance tally (ADR 012): GrievanceTally holds, per (party or "", role or "", status), how
-- many live grievances the list's filters match. These triggers keep it in the statement that
-- changed a grievance or a party row, so no write path can forget it and it commits or rolls back
-- with the change. PostgreSQL runs AFTER ROW triggers at the end of their statement, each seeing
-- every row of it, so the party rows' triggers are per statement, over its transition tables: a
-- party's "any role" count ("") moves when the grievance went from no row of that party to some,
-- or back. Every write is one upsert of signed deltas grouped and ordered by key (concurrent
-- writers lock the tally's rows in one order); a zero delta writes nothing.

-- What the database holds already (an upgrade of an archive).
INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT '', '', "status", COUNT(*) FROM "Grievance" WHERE "deletedAt" IS NULL GROUP BY "status";

INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT gp."partyId", gp."role"::text, g."status", COUNT(*)
FROM "GrievanceParty" gp JOIN "Grievance" g ON g."id" = gp."grievanceId"
WHERE g."deletedAt" IS NULL
GROUP BY gp."partyId", gp."role", g."status";

INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
SELECT gp."partyId", '', g."status", COUNT(DISTINCT gp."grievanceId")
FROM "GrievanceParty" gp JOIN "Grievance" g ON g."id" = gp."grievanceId"
WHERE g."deletedAt" IS NULL
GROUP BY gp."partyId", g."status";

-- New grievances count under "every party"; their parties are inserted after them (foreign key).
CREATE FUNCTION "GrievanceTally_grievance_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT '', '', "status", COUNT(*) FROM new_rows WHERE "deletedAt" IS NULL
  GROUP BY "status" ORDER BY "status"
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "GrievanceTally"."n" + excluded."n";
  RETURN NULL;
END $$;

CREATE TRIGGER "GrievanceTally_grievance_insert" AFTER INSERT ON "Grievance"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "GrievanceTally_grievance_insert"();

-- A status change, a delete or a restore moves each grievance's whole contribution: out of its old
-- status if it was live, into its new one if it is. Every updated row is taken out as it was and
-- put back as it is; for an edit that moved neither (a title, a version) the two cancel.
CREATE FUNCTION "GrievanceTally_grievance_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moved AS MATERIALIZED (
    SELECT "id", "status", -1 AS "d" FROM old_rows WHERE "deletedAt" IS NULL
    UNION ALL
    SELECT "id", "status", 1 FROM new_rows WHERE "deletedAt" IS NULL
  ), deltas AS (
    SELECT '' AS "partyId", '' AS "role", m."status", m."d" FROM moved m
    UNION ALL
    SELECT gp."partyId", gp."role"::text, m."status", m."d"
    FROM moved m JOIN "GrievanceParty" gp ON gp."grievanceId" = m."id"
    UNION ALL
    SELECT p."partyId", '', m."status", m."d"
    FROM moved m JOIN LATERAL (
      SELECT DISTINCT "partyId" FROM "GrievanceParty" WHERE "grievanceId" = m."id"
    ) p ON true
  )
  INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
  SELECT "partyId", "role", "status", SUM("d") FROM deltas
  GROUP BY "partyId", "role", "status" HAVING SUM("d") <> 0 ORDER BY "partyId", "role", "status"
  ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "GrievanceTally"."n" + excluded."n";
  RETURN NULL;
END $$;

CREATE TRIGGER "GrievanceTally_grievance_update" AFTER UPDATE ON "Grievance"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "GrievanceTally_grievance_update"();

-- A hard delete takes the contribution out while the party rows still exist (BEFORE, per row);
-- their cascade then finds no grievance and changes nothing.
CREATE FUNCTION "GrievanceTally_grievance_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."deletedAt" IS NULL THEN
    WITH deltas AS (
      SELECT '' AS "partyId", '' AS "role", -1 AS "d"
      UNION ALL
      SELECT "partyId", "role"::text, -1 FROM "GrievanceParty" WHERE "grievanceId" = OLD."id"
      UNION ALL
      SELECT DISTINCT "partyId", '', -1 FROM "GrievanceParty" WHERE "grievanceId" = OLD."id"
    )
    INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
    SELECT "partyId", "role", OLD."status", SUM("d") FROM deltas
    GROUP BY "partyId", "role" ORDER BY "partyId", "role"
    ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "GrievanceTally"."n" + excluded."n";
  END IF;
  RETURN OLD;
END $$;

CREATE TRIGGER "GrievanceTally_grievance_delete" BEFORE DELETE ON "Grievance"
FOR EACH ROW EXECUTE FUNCTION "GrievanceTally_grievance_delete"();

-- Party rows added, removed or changed, as signed rows (+1 new, -1 old). Each live grievance's
-- role counts move by them; its "any role" count for a party moves by whether the party had a
-- row there after the statement (now) and before it (now minus the signed rows). The grievances
-- are first locked FOR SHARE, in id order: a concurrent status change of one waits, or is waited
-- for, so each party row is counted at the status the grievance commits with. One function for
-- the three events; the statement names the transition tables the event has.
CREATE FUNCTION "GrievanceTally_party_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT "grievanceId", "partyId", "role", 1 AS "d" FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT "grievanceId", "partyId", "role", -1 AS "d" FROM old_rows'
    ELSE 'SELECT "grievanceId", "partyId", "role", 1 AS "d" FROM new_rows
          UNION ALL SELECT "grievanceId", "partyId", "role", -1 FROM old_rows'
  END;
BEGIN
  EXECUTE format('SELECT 1 FROM "Grievance" WHERE "id" IN (SELECT "grievanceId" FROM (%s) c) ORDER BY "id" FOR SHARE',
                 changed);
  EXECUTE format($sql$
    WITH c AS MATERIALIZED (%s), deltas AS (
      SELECT c."partyId", c."role"::text AS "role", g."status", c."d"
      FROM c JOIN "Grievance" g ON g."id" = c."grievanceId" WHERE g."deletedAt" IS NULL
      UNION ALL
      SELECT s."partyId", '', g."status",
             (CASE WHEN s."now" > 0 THEN 1 ELSE 0 END) - (CASE WHEN s."now" - s."d" > 0 THEN 1 ELSE 0 END)
      FROM (
        SELECT c."grievanceId", c."partyId", SUM(c."d") AS "d",
               (SELECT COUNT(*) FROM "GrievanceParty" x
                WHERE x."grievanceId" = c."grievanceId" AND x."partyId" = c."partyId") AS "now"
        FROM c GROUP BY c."grievanceId", c."partyId"
      ) s JOIN "Grievance" g ON g."id" = s."grievanceId" WHERE g."deletedAt" IS NULL
    )
    INSERT INTO "GrievanceTally" ("partyId", "role", "status", "n")
    SELECT "partyId", "role", "status", SUM("d") FROM deltas
    GROUP BY "partyId", "role", "status" HAVING SUM("d") <> 0 ORDER BY "partyId", "role", "status"
    ON CONFLICT ("partyId", "role", "status") DO UPDATE SET "n" = "GrievanceTally"."n" + excluded."n"
  $sql$, changed);
  RETURN NULL;
END $$;

CREATE TRIGGER "GrievanceTally_party_insert" AFTER INSERT ON "GrievanceParty"
REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "GrievanceTally_party_rows"();

CREATE TRIGGER "GrievanceTally_party_delete" AFTER DELETE ON "GrievanceParty"
REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "GrievanceTally_party_rows"();

CREATE TRIGGER "GrievanceTally_party_update" AFTER UPDATE ON "GrievanceParty"
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "GrievanceTally_party_rows"();
