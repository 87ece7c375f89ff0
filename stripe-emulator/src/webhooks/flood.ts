// Load test for a webhook endpoint: re-sends recorded events, freshly signed, as fast as the
// endpoint answers them, with a share of duplicates and some neighbours swapped, as Stripe may
// deliver them. Nothing is retried and no event is recorded: the report says what came back.
import type { Emulator } from "../core/emulator.js";
import type { StripeObject } from "../store/store.js";
import type { WebhookTarget } from "./dispatcher.js";
import { postSignedEvent } from "./post-event.js";

export interface FloodOptions {
  /** Deliveries to send in all, duplicates included. */
  count: number;
  concurrency: number;
  duplicatePercent: number;
  /** Share of deliveries moved out of event order (swapped with a near neighbour). */
  reorderPercent: number;
  /** Only events created at or after this unix time. */
  since?: number;
  /** Only these event types (all types when empty). */
  types?: string[];
  /** Seed of the shuffle, so a run can be repeated exactly. */
  seed?: number;
}

export interface FloodReport {
  sent: number;
  unique_events: number;
  duplicates: number;
  reordered: number;
  concurrency: number;
  duration_ms: number;
  events_per_second: number;
  responses: Record<string, number>;
  /** Time from sending a delivery to its answer (or giving up). */
  latency_ms: { p50: number; p99: number; max: number };
  /** The distinct events sent, oldest first, so a receiver can check it kept each of them. */
  event_ids: string[];
  /** The first failures (non-2xx or no answer), for diagnosis. */
  failures: Array<{ event_id: string; status: number | null; error: string | null }>;
}

interface Send {
  event: StripeObject;
  target: WebhookTarget;
}

/** Small deterministic generator (mulberry32): the same seed gives the same duplicates and order. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Recorded events that some configured endpoint would receive, oldest first. */
export function floodableEvents(emu: Emulator, since?: number, types?: string[]): StripeObject[] {
  return emu.store
    .list("event", "*", (e) => (since === undefined || e.created >= since) && (!types?.length || types.includes(e.type)))
    .filter((e) => emu.webhooks.targetsFor(e).length > 0)
    .reverse();
}

export function planFlood(events: StripeObject[], options: FloodOptions, random: () => number): { order: StripeObject[]; duplicates: number; reordered: number } {
  const duplicates = Math.round((options.count * options.duplicatePercent) / 100);
  const order = [...events];
  // A duplicate always comes after its original, sometimes right behind it (so both may be in
  // flight at once), sometimes much later.
  for (let i = 0; i < duplicates; i++) {
    const original = Math.floor(random() * events.length);
    const at = order.indexOf(events[original]);
    const gap = random() < 0.5 ? 1 + Math.floor(random() * 3) : 1 + Math.floor(random() * (order.length - at));
    order.splice(Math.min(order.length, at + gap), 0, events[original]);
  }
  const swaps = Math.round((order.length * options.reorderPercent) / 100 / 2);
  for (let i = 0; i < swaps; i++) {
    const a = Math.floor(random() * (order.length - 1));
    const b = Math.min(order.length - 1, a + 1 + Math.floor(random() * 5));
    [order[a], order[b]] = [order[b], order[a]];
  }
  return { order, duplicates, reordered: swaps * 2 };
}

export async function floodWebhooks(emu: Emulator, options: FloodOptions): Promise<FloodReport> {
  const duplicates = Math.round((options.count * options.duplicatePercent) / 100);
  const wanted = options.count - duplicates;
  const candidates = floodableEvents(emu, options.since, options.types);
  if (candidates.length < wanted) {
    throw new RangeError(`${wanted} distinct events are needed but only ${candidates.length} recorded events go to a configured endpoint`);
  }
  const random = seededRandom(options.seed ?? 1);
  const chosen = candidates.slice(candidates.length - wanted);
  const plan = planFlood(chosen, options, random);
  const sends: Send[] = plan.order.flatMap((event) => emu.webhooks.targetsFor(event).map((target) => ({ event, target })));

  const responses: Record<string, number> = {};
  const latencies: number[] = [];
  const failures: FloodReport["failures"] = [];
  const payloads = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < sends.length) {
      const { event, target } = sends[next++];
      let payload = payloads.get(event.id);
      if (!payload) {
        payload = JSON.stringify(event, null, 2);
        payloads.set(event.id, payload);
      }
      const sentAt = performance.now();
      const { status, error } = await postSignedEvent(target, payload, AbortSignal.timeout(emu.options.webhookTimeoutMs));
      latencies.push(performance.now() - sentAt);
      const key = status === null ? "no_answer" : String(status);
      responses[key] = (responses[key] ?? 0) + 1;
      if ((status === null || status < 200 || status >= 300) && failures.length < 20) failures.push({ event_id: event.id, status, error });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, sends.length)) }, worker));
  const durationMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const at = (share: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(share * latencies.length) - 1)] ?? 0);
  return {
    sent: sends.length,
    unique_events: wanted,
    duplicates: plan.duplicates,
    reordered: plan.reordered,
    concurrency: options.concurrency,
    duration_ms: Math.round(durationMs),
    events_per_second: Math.round((sends.length / durationMs) * 1000 * 10) / 10,
    responses,
    latency_ms: { p50: at(0.5), p99: at(0.99), max: at(1) },
    event_ids: chosen.map((event) => event.id),
    failures,
  };
}
