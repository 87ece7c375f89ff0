// Runs once when the server starts: stamps each request with its connection's address (for
// per-address limits) and delivers the email outbox in the background of the Node.js
// server (mail left queued by a crash or a restart, retries after an outage).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { recordPeerAddresses } = await import("./lib/security/peer-address");
  recordPeerAddresses();
  const { startOutboxWorker } = await import("./lib/email/outbox-worker");
  startOutboxWorker();
}
