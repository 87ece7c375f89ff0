import Stripe from "stripe";

/**
 * An event that can never be applied, however often it is delivered: a refund or dispute that
 * names another account than its order's (forged, or sent to the wrong endpoint). It is recorded
 * as failed on the event row (for an admin to see) but acknowledged, since Stripe's retries over
 * the next days would get the same answer.
 */
export class RefusedEvent extends Error {}

/** Re-reads the event's object on the event's account; one that does not exist there is refused. */
export async function readOrRefuse<T>(what: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
      throw new RefusedEvent(`${what} does not exist on the event's account`);
    }
    throw error;
  }
}
