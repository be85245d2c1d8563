-- AlterTable
ALTER TABLE "Venue" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Citation" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

