import { acquireLease, THIS_INSTANCE } from "./job-lease";
import { reconcileFromStripe, type ReconcileReport } from "./reconcile";

export const RECONCILE_LEASE = "reconcile-from-stripe";

/**
 * One sweep if this instance holds the lease (taking it when free or expired): several
 * instances run the sweep one at a time, and the holder keeps it from sweep to sweep, so
 * the fleet sweeps once per interval. Returns null when another instance holds it.
 */
export async function sweepIfLeaseHolder(intervalMs: number, holder = THIS_INSTANCE): Promise<ReconcileReport | null> {
  // The lease outlives the interval a little, so the holder renews it before anyone takes it.
  if (!(await acquireLease(RECONCILE_LEASE, holder, intervalMs + 30_000))) return null;
  return reconcileFromStripe();
}

const KEY = Symbol.for("coursemarket.reconcile-worker");
type WorkerState = { timer: NodeJS.Timeout | null; running: boolean };
function workerState(): WorkerState {
  const store = globalThis as unknown as Record<symbol, WorkerState | undefined>;
  store[KEY] ??= { timer: null, running: false };
  return store[KEY];
}

/** Starts the periodic sweep in the background of the server (instrumentation.ts). */
export function startReconcileWorker(intervalMs: number): void {
  const state = workerState();
  if (state.timer || intervalMs <= 0) return;
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      const report = await sweepIfLeaseHolder(intervalMs);
      if (report && (report.ordersFulfilled || report.ordersCanceled || report.membershipsChanged || report.errors)) {
        console.log(`Reconciliation from Stripe: ${JSON.stringify(report)}`);
      }
    } catch (error) {
      console.error(`Reconciliation: a sweep stopped: ${error instanceof Error ? error.message : error}`);
    } finally {
      state.running = false;
    }
  };
  state.timer = setInterval(tick, intervalMs);
  state.timer.unref();
  // The first sweep soon after start: a payment made while every instance was down is settled now.
  setTimeout(tick, 5_000).unref();
}
