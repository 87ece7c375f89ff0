-- CreateIndex
CREATE INDEX "StripeEvent_account_receivedAt_idx" ON "StripeEvent"("account", "receivedAt");

