// Breaks every Stripe call of every money flow in turn (500, 429, a hung request, a dropped
// connection, an answer lost after Stripe acted; once, which stripe-node retries itself, or
// three times, which the person retries)
// and checks afterwards that nothing was charged twice, nothing paid is missing and nothing
// blocks the next try. The calls are read from a clean run's request log, so a new Stripe call
// in a flow is covered without touching this file.
//
// FAULT_SEED=<n> replays a schedule; FAULT_SUITE=full runs every (call × fault kind), otherwise a
// seeded sample of FAULT_RUNS (default 20) runs, the subset `npm test` includes.
import "../integration/support/test-database";
import { afterAll, describe, expect, it, vi } from "vitest";
import { ensureMembershipPlan } from "@/lib/payments/membership-plan";
import { receiveAllWebhooks } from "../integration/support/connect-webhooks";
import { startTestStripe } from "../integration/support/stripe-emulator";
import { checkNoEventLeftFailed, type FaultFlow } from "./support/fault-flow";
import { faultFlows } from "./support/flows";
import { seededRandom, seedFromEnv } from "./support/seeded-random";
import {
  clearRequestLog,
  FAULT_KINDS,
  injectFault,
  isStripeCall,
  readRequestLog,
  stepsOf,
  takeLeftoverFaults,
  type FaultKind,
  type StripeStep,
} from "./support/stripe-steps";

// Short enough that a hung request costs little, long enough for a loaded CI machine.
process.env.STRIPE_TIMEOUT_MS ??= "700";

const full = process.env.FAULT_SUITE === "full";
const sampleSize = Number(process.env.FAULT_RUNS ?? 20);
const seed = seedFromEnv();
const random = seededRandom(seed);
console.log(`fault suite: seed ${seed} (FAULT_SEED=${seed} replays it), ${full ? "every call × every fault kind" : `${sampleSize} sampled runs`}`);

// Handlers log every Stripe failure they meet; here those are the point, and the checks say what matters.
vi.spyOn(console, "error").mockImplementation(() => undefined);

// Stripe retries a failed webhook for three days; five quick retries outlast any fault injected here.
const stripe = await startTestStripe({ webhookRetryDelaysMs: [50, 100, 200, 400, 800] });
const receiver = await receiveAllWebhooks(stripe, "whsec_fault_suite_connect");
// The plan is made once per platform; joining afterwards is the flow people repeat.
await ensureMembershipPlan();
afterAll(async () => {
  await stripe.close();
  await receiver.close();
});

async function runFlow(flow: FaultFlow, fault?: { step: StripeStep; kind: FaultKind; count: number }) {
  // A run that failed half-way may have left its fault unspent.
  await takeLeftoverFaults(stripe);
  const world = await flow.prepare();
  const started = new Date();
  await stripe.settle();
  await clearRequestLog(stripe);
  if (fault) await injectFault(stripe, fault.step, fault.kind, fault.count);
  await flow.act(world);
  await stripe.settle();
  const leftover = await takeLeftoverFaults(stripe);
  const log = await readRequestLog(stripe);
  await flow.check(world);
  await checkNoEventLeftFailed(started);
  return { log, leftover };
}

const flows = faultFlows(stripe);
const plans: Array<{ flow: FaultFlow; steps: StripeStep[] }> = [];
for (const flow of flows) {
  const { log } = await runFlow(flow);
  plans.push({ flow, steps: stepsOf(log) });
}
for (const { flow, steps } of plans) console.log(`fault suite: ${flow.name}: ${steps.map((step) => step.label).join(", ")}`);

interface ScheduledRun {
  flow: FaultFlow;
  step: StripeStep;
  kind: FaultKind;
  /** 1: stripe-node's own retry absorbs it; 3: every attempt of the call fails and the person retries. */
  count: number;
}

const everyRun: ScheduledRun[] = plans.flatMap(({ flow, steps }) =>
  steps.flatMap((step) => FAULT_KINDS.map((kind) => ({ flow, step, kind, count: random.pick([1, 3]) }))),
);
const schedule = full ? random.shuffle(everyRun) : random.shuffle(everyRun).slice(0, sampleSize);
const fired = { runs: 0, faults: 0 };
// New actions on every try, by design, where a duplicate costs nothing: single-use onboarding
// links, OAuth calls (a new code each time the seller clicks Connect again) and a member's clicks
// (cancel/resume set a value; an unconfirmed SetupIntent is never charged), keyed per click.
function freshKeyPerTry(request: { path: string; idempotency_key: string | null }): boolean {
  return (
    request.path.startsWith("/v1/account_links") ||
    request.path.startsWith("/oauth/") ||
    /^membership:[^:]+:action:\d+:/.test(request.idempotency_key ?? "")
  );
}

describe(`Stripe faults (seed ${seed})`, () => {
  it.each(plans.map((plan) => [plan.flow.name, plan] as const))("a clean run of %s makes Stripe calls and keeps every invariant", async (_name, plan) => {
    expect(plan.steps.length).toBeGreaterThan(0);
    const { log } = await runFlow(plan.flow);
    expect(log.filter(isStripeCall).every((request) => request.status >= 200 && request.status < 300 && !request.fault)).toBe(true);
  });

  it.each(schedule.map((run, index) => [index + 1, run.flow.name, run.step.label, run.kind, run.count, run] as const))(
    "#%i %s: %s fails with %s ×%i, and the retry leaves everything right",
    async (_index, _flow, _step, _kind, _count, run) => {
      const { log, leftover } = await runFlow(run.flow, run);
      const faulted = log.filter((request) => request.fault !== null);
      if (leftover.length === 0) {
        fired.runs += 1;
        fired.faults += faulted.length;
        expect(faulted).toHaveLength(run.count);
        expect(faulted.every((request) => request.fault === run.kind && request.method === run.step.method && request.path.startsWith(run.step.prefix))).toBe(true);
        // stripe-node retries one call with one idempotency key, and the person's retry of the
        // same business action sends that key again, so Stripe can only ever act once.
        const first = faulted[0];
        const sameAction = !freshKeyPerTry(first);
        if (sameAction) expect(new Set(faulted.map((request) => request.idempotency_key)).size).toBe(1);
        if (first.method === "POST" && first.idempotency_key && sameAction) {
          const after = log.slice(log.indexOf(faulted[faulted.length - 1]) + 1);
          const retried = after.find((request) => request.method === first.method && request.path === first.path && !request.fault);
          // stripe-node always retries a single 500, timeout or dropped connection itself; after that
          // the person's retry may not need the call again (a webhook may have brought the object).
          if (run.count === 1 && run.kind !== "429") expect(retried, "stripe-node retried the call").toBeDefined();
          if (retried) {
            expect(retried.idempotency_key, "the retry reuses the key").toBe(first.idempotency_key);
            // Stripe acted on the lost-answer request: the retry is answered from its record, not acted on again.
            if (run.kind === "drop_after" && first.status >= 200 && first.status < 300) expect(retried.replayed, "the retry is replayed").toBe(true);
          }
        }
      }
    },
    60_000,
  );

  it("the injected faults were reached", () => {
    console.log(`fault suite: seed ${seed}: ${fired.runs} of ${schedule.length} scheduled runs reached their call (${fired.faults} failed requests)`);
    // A call the clean run made can be skipped under a fault only when a webhook got there first.
    expect(fired.runs).toBeGreaterThanOrEqual(Math.ceil(schedule.length * 0.8));
  });
});
