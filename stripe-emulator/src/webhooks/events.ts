// Records Stripe events (retrievable with /v1/events) and hands them to the dispatcher.
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";
import { API_VERSION } from "../core/version.js";

export function emitEvent(
  emu: Emulator,
  type: string,
  account: string | null,
  object: StripeObject,
  previousAttributes?: Record<string, unknown> | null,
): StripeObject {
  const data: Record<string, unknown> = { object: structuredClone(object) };
  if (previousAttributes && Object.keys(previousAttributes).length > 0) {
    data.previous_attributes = structuredClone(previousAttributes);
  }
  const event: StripeObject = {
    id: newId("evt"),
    object: "event",
    api_version: API_VERSION,
    created: emu.now(),
    data,
    livemode: false,
    pending_webhooks: 0,
    request: { ...emu.currentRequest },
    type,
  };
  if (account) event.account = account;
  emu.store.insert(account, event);
  for (const observe of emu.outputObservers) observe(`event ${type}`, event);
  event.pending_webhooks = emu.webhooks.targetsFor(event).length;
  emu.webhooks.enqueue(event);
  emu.onChange();
  return event;
}

/** Top-level (and nested) attributes of `before` that differ in `after`: Stripe's previous_attributes. */
export function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (isPlainObject(a) && isPlainObject(b) && a.object !== "list") {
      out[key] = previousAttributes(a, b);
    } else {
      out[key] = a === undefined ? null : a;
    }
  }
  return out;
}

function isPlainObject(v: unknown): v is StripeObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Runs `mutate` on a stored object and emits `type` with the computed previous_attributes. */
export function updateAndEmit(
  emu: Emulator,
  object: StripeObject,
  type: string | null,
  mutate: (o: StripeObject) => void,
): Record<string, unknown> {
  const before = structuredClone(object);
  mutate(object);
  const prev = previousAttributes(before, object);
  if (type && Object.keys(prev).length > 0) {
    // Events about a connected account itself (account.updated) belong to that account.
    const account = object.object === "account" ? object.id : emu.store.accountOf(object.id);
    emitEvent(emu, type, account, object, prev);
  } else {
    emu.onChange();
  }
  return prev;
}
