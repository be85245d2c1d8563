-- CreateIndex
CREATE INDEX "Grievance_lastMovedAt_id_idx" ON "Grievance"("lastMovedAt", "id");

-- CreateIndex
CREATE INDEX "Grievance_status_lastMovedAt_id_idx" ON "Grievance"("status", "lastMovedAt", "id");

