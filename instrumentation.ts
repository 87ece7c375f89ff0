// Runs once when the server starts: checks the configuration (a missing AUTH_SECRET with
// PostgreSQL or in production stops the start with a clear message), stamps each request with
// its connection's address (for per-address limits), then runs the background work of the
// Node.js server: the email outbox (mail left queued by a crash or a restart, retries after an
// outage) and the reconciliation sweep from Stripe (one instance at a time).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/env");
  let interval: number;
  try {
    interval = env().RECONCILE_INTERVAL_MS;
  } catch (error) {
    // Next logs a failing hook and keeps serving 500s: an instance with a wrong configuration
    // stops instead, so a supervisor or a balancer's health check sees it.
    console.error(`Coursemarket cannot start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
  const { recordPeerAddresses } = await import("./lib/security/peer-address");
  recordPeerAddresses();
  const { startOutboxWorker } = await import("./lib/email/outbox-worker");
  startOutboxWorker();
  const { startReconcileWorker } = await import("./lib/reconciliation/reconcile-worker");
  startReconcileWorker(interval);
}
