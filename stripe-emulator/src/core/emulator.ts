// The emulator's whole state and its shared services, passed to every route module.
import { Clock } from "./clock.js";
import { newId } from "./ids.js";
import type { ResolvedOptions } from "./options.js";
import { Store, type StripeObject } from "../store/store.js";
import { WebhookDispatcher } from "../webhooks/dispatcher.js";

export interface IdempotentEntry {
  method: string;
  path: string;
  rawBody: string;
  status: number;
  headers: Record<string, string>;
  body: string;
  created: number;
}

export interface RequestLogEntry {
  id: string;
  time: number;
  method: string;
  path: string;
  account: string | null;
  /** Which kind of key called: the server's secret key or the browser's publishable key. */
  key_type: "secret" | "publishable" | null;
  idempotency_key: string | null;
  status: number;
  replayed: boolean;
  fault: string | null;
  duration_ms: number;
}

/** drop_after: the request is carried out, then its connection dropped: the answer is lost, as when the network fails after Stripe acted. */
export type FaultKind = "500" | "429" | "timeout" | "drop" | "drop_after";

export interface Fault {
  id: string;
  method: string;
  path_prefix: string;
  kind: FaultKind;
  remaining: number;
  /** Matching requests still let through before the fault starts (to hit the n-th call of a path). */
  skip: number;
}

export interface OAuthGrant {
  code: string;
  account: string;
  scope: string;
  used: boolean;
  created: number;
}

export interface CurrentRequest {
  id: string | null;
  idempotency_key: string | null;
}

export type IntentSettledHook = (intent: StripeObject, outcome: "succeeded" | "failed" | "requires_action" | "canceled") => void;

export class Emulator {
  readonly store = new Store();
  readonly clock = new Clock();
  readonly idempotency = new Map<string, IdempotentEntry>();
  requestLog: RequestLogEntry[] = [];
  faults: Fault[] = [];
  readonly oauthGrants = new Map<string, OAuthGrant>();
  /** refresh_token -> account */
  readonly refreshTokens = new Map<string, string>();
  platformAccountId = newId("acct");
  currentRequest: CurrentRequest = { id: null, idempotency_key: null };
  /** Called with every API answer and every event (the emulator's tests check their shapes). */
  readonly outputObservers: Array<(source: string, body: unknown) => void> = [];
  readonly webhooks: WebhookDispatcher;
  private readonly intentHooks: IntentSettledHook[] = [];
  private baseUrl = "";
  /** Called after every state change (used to persist the state file). */
  onChange: () => void = () => {};

  constructor(readonly options: ResolvedOptions) {
    this.webhooks = new WebhookDispatcher(this);
  }

  now(): number {
    return this.clock.now();
  }

  setBaseUrl(url: string): void {
    this.baseUrl = url;
  }

  /** Base URL of hosted pages (account links, 3-D Secure, OAuth, dashboard). */
  publicUrl(): string {
    return (this.options.publicUrl ?? this.baseUrl).replace(/\/$/, "");
  }

  onIntentSettled(hook: IntentSettledHook): void {
    this.intentHooks.push(hook);
  }

  intentSettled(intent: StripeObject, outcome: Parameters<IntentSettledHook>[1]): void {
    for (const hook of this.intentHooks) hook(intent, outcome);
  }

  /** True when the Stripe-Account header names an account this platform may act for. */
  canActFor(accountId: string): boolean {
    const r = this.store.record(accountId);
    if (!r || r.object !== "account" || r.deleted) return false;
    return r.hidden.connected !== false;
  }

  reset(): void {
    this.store.clear();
    this.clock.offsetSeconds = 0;
    this.idempotency.clear();
    this.requestLog = [];
    this.faults = [];
    this.oauthGrants.clear();
    this.refreshTokens.clear();
    this.webhooks.reset();
    this.onChange();
  }
}
