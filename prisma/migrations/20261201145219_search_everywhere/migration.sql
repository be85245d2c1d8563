-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Venue" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "note" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mergedIntoId" TEXT
);
INSERT INTO "new_Venue" ("city", "country", "createdAt", "deletedAt", "id", "mergedIntoId", "name", "note", "slug", "updatedAt", "version") SELECT "city", "country", "createdAt", "deletedAt", "id", "mergedIntoId", "name", "note", "slug", "updatedAt", "version" FROM "Venue";
DROP TABLE "Venue";
ALTER TABLE "new_Venue" RENAME TO "Venue";
CREATE UNIQUE INDEX "Venue_slug_key" ON "Venue"("slug");
CREATE INDEX "Venue_deletedAt_idx" ON "Venue"("deletedAt");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "url" TEXT,
    "publishedAt" DATETIME,
    "note" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Source" ("createdAt", "deletedAt", "id", "note", "publishedAt", "publisher", "title", "updatedAt", "url", "version") SELECT "createdAt", "deletedAt", "id", "note", "publishedAt", "publisher", "title", "updatedAt", "url", "version" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE UNIQUE INDEX "Source_url_key" ON "Source"("url");
CREATE TABLE "new_Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "grievanceId" TEXT,
    "meetingId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_grievanceId_fkey" FOREIGN KEY ("grievanceId") REFERENCES "Grievance" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("createdAt", "deletedAt", "grievanceId", "id", "meetingId", "quote", "sourceId", "updatedAt", "version") SELECT "createdAt", "deletedAt", "grievanceId", "id", "meetingId", "quote", "sourceId", "updatedAt", "version" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_grievanceId_idx" ON "Citation"("grievanceId");
CREATE INDEX "Citation_meetingId_idx" ON "Citation"("meetingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

