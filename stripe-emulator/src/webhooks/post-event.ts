// One delivery as Stripe makes it: the event's JSON, signed at sending time with the endpoint's secret.
import { signPayload } from "./signature.js";

export interface PostAnswer {
  status: number | null;
  body: string | null;
  /** "timeout" when the request was aborted (too slow, or the emulator is closing), else the network error. */
  error: string | null;
}

export async function postSignedEvent(target: { url: string; secret: string }, payload: string, signal: AbortSignal): Promise<PostAnswer> {
  try {
    const res = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signPayload(payload, target.secret, Math.floor(Date.now() / 1000)),
      },
      body: payload,
      signal,
    });
    return { status: res.status, body: await res.text(), error: null };
  } catch (err) {
    return { status: null, body: null, error: signal.aborted ? "timeout" : String((err as Error).message ?? err) };
  }
}
