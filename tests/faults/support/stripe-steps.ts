// The Stripe calls of a flow, read from the emulator's request log, and faults aimed at one of them.
import type { TestStripe } from "../../integration/support/stripe-emulator";

/** drop_after: Stripe carries the request out, then the answer is lost on the way back. */
export const FAULT_KINDS = ["500", "429", "timeout", "drop", "drop_after"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface LoggedRequest {
  method: string;
  path: string;
  account: string | null;
  idempotency_key: string | null;
  status: number;
  replayed: boolean;
  fault: string | null;
}

/**
 * One Stripe call of a flow: the n-th request of this method whose path starts with `prefix`
 * (the path up to its first object ID), which is exactly how the emulator counts for `skip`.
 */
export interface StripeStep {
  method: string;
  prefix: string;
  /** The path with object IDs replaced, for reading. */
  template: string;
  /** How many earlier requests of the flow match method and prefix. */
  skip: number;
  label: string;
}

// An object ID (pi_3Nx..., acct_1..., sub_...): a short prefix and a long mixed-case or numeric tail,
// unlike path words such as setup_intents or login_links.
const OBJECT_ID = /^[a-z]{2,5}_(?=[A-Za-z0-9]*[A-Z0-9])[A-Za-z0-9]{8,}$/;

/** Calls to Stripe's API and OAuth endpoints; the person-facing hosted pages are not API calls. */
export function isStripeCall(request: { path: string }): boolean {
  return request.path.startsWith("/v1/") || request.path === "/oauth/token" || request.path === "/oauth/deauthorize";
}

function shapeOf(path: string): { prefix: string; template: string } {
  const segments = path.split("/");
  const firstId = segments.findIndex((segment) => OBJECT_ID.test(segment));
  const prefix = firstId === -1 ? path : `${segments.slice(0, firstId).join("/")}/`;
  const template = segments.map((segment) => (OBJECT_ID.test(segment) ? ":id" : segment)).join("/");
  return { prefix, template };
}

/** Every Stripe call in a clean run's log, in order. Faulted attempts never appear in a clean run. */
export function stepsOf(log: LoggedRequest[]): StripeStep[] {
  const calls = log.filter(isStripeCall);
  return calls.map((call, index) => {
    const { prefix, template } = shapeOf(call.path);
    const skip = calls.slice(0, index).filter((earlier) => earlier.method === call.method && earlier.path.startsWith(prefix)).length;
    const occurrence = calls.slice(0, index + 1).filter((c) => c.method === call.method && shapeOf(c.path).template === template).length;
    return { method: call.method, prefix, template, skip, label: `${call.method} ${template}${occurrence > 1 ? ` (#${occurrence})` : ""}` };
  });
}

export async function readRequestLog(stripe: TestStripe): Promise<LoggedRequest[]> {
  const answer = await stripe.call("GET", "/_emulator/requests");
  return answer.body.data as LoggedRequest[];
}

export async function clearRequestLog(stripe: TestStripe): Promise<void> {
  await stripe.call("DELETE", "/_emulator/requests");
}

export async function injectFault(stripe: TestStripe, step: StripeStep, kind: FaultKind, count: number): Promise<void> {
  const answer = await stripe.call("POST", "/_emulator/faults", {
    method: step.method,
    path: step.prefix,
    kind,
    count: String(count),
    skip: String(step.skip),
  });
  if (answer.status !== 200) throw new Error(`the emulator refused the fault: ${JSON.stringify(answer.body)}`);
}

/** Faults not yet spent (the flow never made the call), then cleared so the next run starts clean. */
export async function takeLeftoverFaults(stripe: TestStripe): Promise<unknown[]> {
  const left = (await stripe.call("GET", "/_emulator/faults")).body.data as unknown[];
  await stripe.call("DELETE", "/_emulator/faults");
  return left;
}
