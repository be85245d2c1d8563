-- DropIndex
DROP INDEX "Grievance_status_idx";

-- DropIndex
DROP INDEX "Grievance_lastMovedAt_idx";

-- DropIndex
DROP INDEX "Grievance_title_idx";

-- DropIndex
DROP INDEX "GrievanceParty_partyId_role_idx";

-- DropIndex
DROP INDEX "GrievanceStatusChange_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Grievance_deletedAt_lastMovedAt_id_idx" ON "Grievance"("deletedAt", "lastMovedAt", "id");

-- CreateIndex
CREATE INDEX "Grievance_deletedAt_status_lastMovedAt_id_idx" ON "Grievance"("deletedAt", "status", "lastMovedAt", "id");

-- CreateIndex
CREATE INDEX "Grievance_deletedAt_createdAt_id_idx" ON "Grievance"("deletedAt", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Grievance_deletedAt_title_id_idx" ON "Grievance"("deletedAt", "title", "id");

-- CreateIndex
CREATE INDEX "GrievanceParty_partyId_role_grievanceId_idx" ON "GrievanceParty"("partyId", "role", "grievanceId");

-- CreateIndex
CREATE INDEX "GrievanceStatusChange_occurredAt_recordedAt_idx" ON "GrievanceStatusChange"("occurredAt", "recordedAt");

