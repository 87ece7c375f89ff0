// Options accepted by startEmulator() (and filled from environment variables by main.ts).

export interface WebhookTargetConfig {
  url: string;
  secret: string;
  /** true: receives events of connected accounts (a "Connect" endpoint). */
  connect?: boolean;
  /** Event types to send; default ["*"]. */
  enabledEvents?: string[];
}

export interface EmulatorOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL used in hosted-page links (account links, 3-D Secure, OAuth). Default http://host:port. */
  publicUrl?: string;
  /** JSON file the state is saved to (on change and on close) and loaded from on start. */
  stateFile?: string;
  /** Webhook targets from configuration (besides those created with POST /v1/webhook_endpoints). */
  webhookEndpoints?: WebhookTargetConfig[];
  /** The platform's Connect client ID (ca_...) accepted by /oauth/authorize. */
  connectClientId?: string;
  /** Delays between webhook delivery attempts; its length is the number of retries. */
  webhookRetryDelaysMs?: number[];
  /** A delivery that has not answered within this time counts as failed. */
  webhookTimeoutMs?: number;
  /** Seconds after a failed renewal at which the invoice is retried; after the last, the subscription is canceled. */
  invoiceRetryDelaysSeconds?: number[];
  /** What happens to a subscription when every retry failed: "cancel" (default), "unpaid" or "past_due". */
  subscriptionFailedPaymentAction?: "cancel" | "unpaid" | "past_due";
  /** Log each request to stdout. */
  logRequests?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  publicUrl?: string;
  stateFile?: string;
  webhookEndpoints: WebhookTargetConfig[];
  connectClientId: string;
  webhookRetryDelaysMs: number[];
  webhookTimeoutMs: number;
  invoiceRetryDelaysSeconds: number[];
  subscriptionFailedPaymentAction: "cancel" | "unpaid" | "past_due";
  logRequests: boolean;
}

const DAY = 86_400;

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  return {
    port: o.port ?? 12111,
    host: o.host ?? "127.0.0.1",
    publicUrl: o.publicUrl,
    stateFile: o.stateFile,
    webhookEndpoints: o.webhookEndpoints ?? [],
    connectClientId: o.connectClientId ?? "ca_emulator_platform_client_id",
    webhookRetryDelaysMs: o.webhookRetryDelaysMs ?? [1_000, 5_000, 30_000, 120_000, 600_000],
    webhookTimeoutMs: o.webhookTimeoutMs ?? 10_000,
    invoiceRetryDelaysSeconds: o.invoiceRetryDelaysSeconds ?? [3 * DAY, 5 * DAY, 7 * DAY],
    subscriptionFailedPaymentAction: o.subscriptionFailedPaymentAction ?? "cancel",
    logRequests: o.logRequests ?? false,
  };
}
