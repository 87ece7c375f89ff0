// Errors as Stripe.js reports them: mistakes in the integration throw an IntegrationError; API and
// card problems resolve as `{ error }` objects.
import type { ClientError } from "./protocol.js";

export class IntegrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IntegrationError";
  }
}

export type Dict = Record<string, unknown>;
export const asDict = (v: unknown): Dict => (typeof v === "object" && v !== null ? (v as Dict) : {});

export function unsupported(what: string): { error: ClientError } {
  return {
    error: {
      type: "invalid_request_error",
      code: "emulator_unsupported",
      message: `The Stripe emulator's Stripe.js does not support ${what}.`,
    },
  };
}

export function notMounted(): { error: ClientError } {
  return {
    error: {
      type: "invalid_request_error",
      code: "element_not_mounted",
      message: "The Element is not mounted, so its data cannot be read. Mount it (and keep it mounted) before confirming.",
    },
  };
}
