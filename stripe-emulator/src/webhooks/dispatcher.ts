// Delivers events to webhook endpoints asynchronously, signed, with retries and backoff.
// First attempts to one endpoint go out in event order; retries run on their own timers.
import type { Emulator } from "../core/emulator.js";
import { newId, randomChars } from "../core/ids.js";
import type { WebhookTargetConfig } from "../core/options.js";
import type { StripeObject } from "../store/store.js";
import { postSignedEvent } from "./post-event.js";

export interface WebhookTarget {
  id: string;
  url: string;
  secret: string;
  connect: boolean;
  enabledEvents: string[];
  source: "config" | "api";
}

export interface DeliveryAttempt {
  at: number;
  status: number | null;
  error: string | null;
  response_body: string | null;
  duration_ms: number;
}

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  account: string | null;
  endpoint_id: string;
  url: string;
  /** canceled: its endpoint was removed or replaced while a retry was still pending. */
  status: "pending" | "succeeded" | "failed" | "canceled";
  attempts: DeliveryAttempt[];
  next_attempt_at: number | null;
}

export class WebhookDispatcher {
  private configTargets: WebhookTarget[] = [];
  deliveries: Delivery[] = [];
  private chains = new Map<string, Promise<void>>();
  private inFlight = 0;
  private timers = new Set<NodeJS.Timeout>();
  /** Retries waiting for their time, with the endpoint they are for. */
  private scheduled = new Map<Delivery, { timer: NodeJS.Timeout; target: WebhookTarget; eventId: string }>();
  private idleWaiters: Array<() => void> = [];
  private controllers = new Set<AbortController>();
  private closed = false;

  constructor(private readonly emu: Emulator) {}

  setConfigTargets(targets: WebhookTargetConfig[]): void {
    this.configTargets = targets.map((t, i) => ({
      id: `we_config_${i}_${t.connect ? "connect" : "platform"}`,
      url: t.url,
      secret: t.secret,
      connect: !!t.connect,
      enabledEvents: t.enabledEvents?.length ? t.enabledEvents : ["*"],
      source: "config",
    }));
    this.cancelRetriesOfRemovedTargets();
  }

  /** Drops pending retries whose endpoint is gone (deleted, disabled, or replaced by another URL or secret). */
  cancelRetriesOfRemovedTargets(): void {
    const current = this.targets();
    for (const [delivery, { timer, target, eventId }] of this.scheduled) {
      // A configured target is known by its place in the list, so another URL or secret there is another endpoint;
      // an API endpoint keeps its ID when edited (its retries then go to its new URL).
      const kept = current.some(
        (t) => t.id === target.id && (t.source === "api" || (t.url === target.url && t.secret === target.secret)),
      );
      if (kept) continue;
      clearTimeout(timer);
      this.timers.delete(timer);
      this.scheduled.delete(delivery);
      delivery.status = "canceled";
      delivery.next_attempt_at = null;
      this.decrementPending(eventId);
      this.settle();
    }
  }

  configTargetList(): WebhookTarget[] {
    return this.configTargets;
  }

  targets(): WebhookTarget[] {
    const fromApi = this.emu.store
      .list("webhook_endpoint", null)
      .filter((we) => we.status === "enabled")
      .map<WebhookTarget>((we) => ({
        id: we.id,
        url: we.url,
        secret: this.emu.store.hidden(we.id).secret,
        connect: !!this.emu.store.hidden(we.id).connect,
        enabledEvents: we.enabled_events,
        source: "api",
      }));
    return [...this.configTargets, ...fromApi];
  }

  /** Endpoints an event goes to: platform events to platform endpoints, account events to Connect endpoints. */
  targetsFor(event: StripeObject): WebhookTarget[] {
    const isConnect = typeof event.account === "string";
    return this.targets().filter(
      (t) =>
        t.connect === isConnect &&
        (t.enabledEvents.includes("*") || t.enabledEvents.includes(event.type)),
    );
  }

  enqueue(event: StripeObject): number {
    const targets = this.targetsFor(event);
    for (const target of targets) {
      const delivery: Delivery = {
        id: `whdel_${randomChars(20)}`,
        event_id: event.id,
        event_type: event.type,
        account: event.account ?? null,
        endpoint_id: target.id,
        url: target.url,
        status: "pending",
        attempts: [],
        next_attempt_at: Date.now(),
      };
      this.deliveries.push(delivery);
      if (this.deliveries.length > 5000) this.deliveries.splice(0, this.deliveries.length - 5000);
      this.inFlight++;
      const previous = this.chains.get(target.id) ?? Promise.resolve();
      const next = previous.then(() => this.attempt(delivery, target, event, 0));
      this.chains.set(target.id, next.catch(() => {}));
    }
    return targets.length;
  }

  private async attempt(delivery: Delivery, target: WebhookTarget, event: StripeObject, retry: number): Promise<void> {
    if (this.closed) return this.settle();
    const payload = JSON.stringify(event, null, 2);
    const started = Date.now();
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.emu.options.webhookTimeoutMs);
    const attempt: DeliveryAttempt = { at: started, status: null, error: null, response_body: null, duration_ms: 0 };
    try {
      const answer = await postSignedEvent(target, payload, controller.signal);
      attempt.status = answer.status;
      attempt.response_body = answer.body?.slice(0, 2000) ?? null;
      attempt.error = answer.error;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
    attempt.duration_ms = Date.now() - started;
    delivery.attempts.push(attempt);
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    if (ok) {
      delivery.status = "succeeded";
      delivery.next_attempt_at = null;
      this.decrementPending(event.id);
      return this.settle();
    }
    const delays = this.emu.options.webhookRetryDelaysMs;
    if (retry >= delays.length || this.closed) {
      delivery.status = "failed";
      delivery.next_attempt_at = null;
      this.decrementPending(event.id);
      return this.settle();
    }
    const delay = delays[retry];
    delivery.next_attempt_at = Date.now() + delay;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.scheduled.delete(delivery);
      const now = this.targets().find((x) => x.id === target.id && x.source === "api") ?? target;
      void this.attempt(delivery, now, event, retry + 1);
    }, delay);
    this.timers.add(t);
    this.scheduled.set(delivery, { timer: t, target, eventId: event.id });
  }

  private decrementPending(eventId: string): void {
    const ev = this.emu.store.get(eventId);
    if (ev && ev.pending_webhooks > 0) ev.pending_webhooks -= 1;
  }

  private settle(): void {
    this.inFlight--;
    if (this.inFlight <= 0) {
      this.inFlight = 0;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  /** Resolves once every delivery has succeeded or exhausted its retries. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  pendingCount(): number {
    return this.inFlight;
  }

  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.scheduled.clear();
    for (const c of this.controllers) c.abort();
    this.deliveries = [];
    this.chains.clear();
    this.inFlight = 0;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((w) => w());
  }

  close(): void {
    this.closed = true;
    this.reset();
  }
}

export function newWebhookSecret(): string {
  return `whsec_${randomChars(32)}`;
}

export function newEndpointId(): string {
  return newId("we");
}
