// Idempotent requests: a POST to the API with an Idempotency-Key is remembered per account and
// replayed for the same key; the same key with other parameters is refused, as Stripe does.
import type { Emulator } from "../core/emulator.js";
import { needsApiKey } from "./authentication.js";
import { ApiError } from "./errors.js";
import type { EmulatorResponse, ReceivedRequest } from "./types.js";

/** The key a request's answer is remembered under, or null when it is not idempotent. */
export function idempotencyScope(request: ReceivedRequest, idempotencyKey: string | null): string | null {
  if (request.method !== "POST" || !idempotencyKey || !needsApiKey(request.path)) return null;
  return `${request.account ?? "platform"}:${idempotencyKey}`;
}

/** The earlier answer to replay, or null for a first request; throws for a key reused with other parameters. */
export function replayFor(emu: Emulator, scope: string, request: ReceivedRequest, idempotencyKey: string): EmulatorResponse | null {
  const prior = emu.idempotency.get(scope);
  if (!prior) return null;
  if (prior.method !== request.method || prior.path !== request.path || prior.rawBody !== request.rawBody) {
    throw new ApiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
    });
  }
  return {
    status: prior.status,
    headers: { ...prior.headers, "idempotent-replayed": "true", "original-request": prior.headers["request-id"] ?? "" },
    body: prior.body,
  };
}

/** Remembers an answer for replays (server errors are not remembered: a retry runs again). */
export function remember(emu: Emulator, scope: string, request: ReceivedRequest, response: EmulatorResponse): void {
  if (response.status >= 500) return;
  emu.idempotency.set(scope, {
    method: request.method,
    path: request.path,
    rawBody: request.rawBody,
    status: response.status,
    headers: { "content-type": "application/json", "request-id": request.requestId },
    body: typeof response.body === "string" ? response.body : JSON.stringify(response.body, null, 2),
    created: emu.now(),
  });
  emu.onChange();
}
