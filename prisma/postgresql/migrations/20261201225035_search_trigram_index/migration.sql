-- This is an empty migration.


-- Written by hand: prisma/snapshots/20261201225035_search_trigram_index.postgresql.sql
-- Search (q=) is a substring match, `"searchText" LIKE '%term%'` per word, which no B-tree can
-- serve: every search read the whole grievance table. A trigram GIN index answers LIKE with any
-- pattern of three characters or more, so a search costs what it finds, not what the archive holds
-- (docs/performance.md). pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a
-- database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- fastupdate = off: GIN's default queues new entries in a pending list that every search then reads
-- through until a vacuum merges it (up to 4 MB), so a search's cost would depend on how recently the
-- archive was written to. Writing each grievance's few dozen trigrams in place costs its write a
-- little instead.
CREATE INDEX "Grievance_searchText_trgm_idx" ON "Grievance" USING GIN ("searchText" gin_trgm_ops) WITH (fastupdate = off);
