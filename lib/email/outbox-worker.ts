import { deliverDueEmails } from "./deliver-outbox";
import { describeSendError } from "./smtp-transport";

interface WorkerState {
  sweep: NodeJS.Timeout | null;
  round: Promise<void> | null;
  runAgain: boolean;
}

// Next.js may load this module once per bundle (instrumentation, route handlers, server
// actions); the state lives on globalThis so they all share one worker.
const KEY = Symbol.for("coursemarket.email-outbox-worker");
function workerState(): WorkerState {
  const store = globalThis as unknown as Record<symbol, WorkerState | undefined>;
  store[KEY] ??= { sweep: null, round: null, runAgain: false };
  return store[KEY];
}

export const SWEEP_INTERVAL_MS = 15_000;

/**
 * Delivers queued email in the background of the server: one round now (mail left by a crash or
 * a restart), then a sweep every interval for retries. Rounds never overlap in one process.
 */
export function startOutboxWorker(intervalMs = SWEEP_INTERVAL_MS): void {
  const state = workerState();
  if (state.sweep) return;
  state.sweep = setInterval(runRound, intervalMs);
  state.sweep.unref();
  runRound();
}

export async function stopOutboxWorker(): Promise<void> {
  const state = workerState();
  if (state.sweep) clearInterval(state.sweep);
  state.sweep = null;
  state.runAgain = false;
  await state.round;
}

/**
 * Called after a commit that queued email: starts a delivery round without waiting for it, so
 * the request that fulfilled, refunded or recorded a failure never waits for SMTP. Without a
 * running worker (scripts, tests) the mail stays queued for the next one.
 */
export function notifyOutbox(): void {
  if (workerState().sweep) runRound();
}

function runRound(): void {
  const state = workerState();
  if (state.round) {
    state.runAgain = true;
    return;
  }
  state.round = (async () => {
    do {
      state.runAgain = false;
      try {
        await deliverDueEmails();
      } catch (error) {
        console.error(`Email outbox: a delivery round stopped: ${describeSendError(error)}`);
      }
    } while (state.runAgain && state.sweep);
  })().finally(() => {
    state.round = null;
  });
}
