// Faults injected through the control API (POST /_emulator/faults) take effect before the request
// reaches the API, except drop_after, which carries the request out and loses only its answer.
import type { Emulator, Fault } from "../core/emulator.js";
import type { EmulatorResponse } from "./types.js";

export type FaultOutcome =
  | { kind: "none" }
  | { kind: "hang"; fault: Fault }
  | { kind: "drop"; fault: Fault }
  | { kind: "answer"; fault: Fault; response: EmulatorResponse }
  | { kind: "lose_answer"; fault: Fault };

/** Finds the fault for this request, counts it down, and says what becomes of the request. */
export function takeFault(emu: Emulator, method: string, path: string): FaultOutcome {
  const fault = emu.faults.find(
    (f) => f.remaining > 0 && (f.method === "*" || f.method === method) && path.startsWith(f.path_prefix),
  );
  if (!fault) return { kind: "none" };
  if (fault.skip > 0) {
    fault.skip -= 1;
    return { kind: "none" };
  }
  fault.remaining -= 1;
  if (fault.remaining === 0) emu.faults = emu.faults.filter((f) => f !== fault);
  switch (fault.kind) {
    case "timeout":
      return { kind: "hang", fault };
    case "drop":
      return { kind: "drop", fault };
    case "429":
      return {
        kind: "answer",
        fault,
        response: {
          status: 429,
          body: {
            error: {
              type: "invalid_request_error",
              code: "rate_limit",
              message: "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
              doc_url: "https://stripe.com/docs/error-codes/rate-limit",
            },
          },
        },
      };
    case "500":
      return {
        kind: "answer",
        fault,
        response: {
          status: 500,
          body: { error: { type: "api_error", message: "An unknown error occurred (injected by the Stripe emulator)." } },
        },
      };
    case "drop_after":
      return { kind: "lose_answer", fault };
  }
}
