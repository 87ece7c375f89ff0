// Delivers the emulator's webhooks to the app's real route handlers, and remembers what each
// answered, so tests can wait for and inspect them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import { POST as platformWebhook } from "@/app/api/stripe/webhook/route";
import { TEST_WEBHOOK_SECRET, type TestStripe } from "./stripe-emulator";

/** A webhook request as Stripe sends it: the payload signed now with `secret`. */
export function signedWebhookRequest(payload: string, secret: string): Request {
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return new Request("http://app.test/webhook", { method: "POST", headers: { "stripe-signature": header }, body: payload });
}

export interface DeliveredEvent {
  endpoint: "platform" | "connect";
  status: number;
  type: string;
  id: string;
  /** The connected account for Connect events, null for the platform's own. */
  account: string | null;
  /** The ID of the event's `data.object` (a dispute, a refund, a charge …). */
  objectId: string;
  event: { id: string; type: string; account?: string; [key: string]: unknown };
}

export interface WebhookReceiver {
  delivered: DeliveredEvent[];
  close(): Promise<void>;
}

async function listen(
  endpoint: DeliveredEvent["endpoint"],
  handle: (request: Request) => Promise<Response>,
  delivered: DeliveredEvent[],
): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const response = await handle(
      new Request(`http://app.test/${endpoint}`, {
        method: "POST",
        headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? "") },
        body,
      }),
    );
    const event = JSON.parse(body) as DeliveredEvent["event"] & { data: { object: { id: string } } };
    delivered.push({
      endpoint,
      status: response.status,
      type: event.type,
      id: event.id,
      account: event.account ?? null,
      objectId: event.data.object.id,
      event,
    });
    res.writeHead(response.status).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function receiverOf(servers: Server[], delivered: DeliveredEvent[]): WebhookReceiver {
  return {
    delivered,
    close: async () => {
      await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

/** Connected-account events only, to the Connect route handler. */
export async function receiveConnectWebhooks(stripe: TestStripe, secret: string): Promise<WebhookReceiver> {
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = secret;
  const delivered: DeliveredEvent[] = [];
  const connect = await listen("connect", connectWebhook, delivered);
  await stripe.call("POST", "/_emulator/webhook_targets", {
    "targets[0][url]": connect.url,
    "targets[0][secret]": secret,
    "targets[0][connect]": "true",
  });
  return receiverOf([connect.server], delivered);
}

/** Platform events to the platform route handler and connected-account events to the Connect one. */
export async function receiveAllWebhooks(stripe: TestStripe, connectSecret: string): Promise<WebhookReceiver> {
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = connectSecret;
  const delivered: DeliveredEvent[] = [];
  const platform = await listen("platform", platformWebhook, delivered);
  const connect = await listen("connect", connectWebhook, delivered);
  await stripe.call("POST", "/_emulator/webhook_targets", {
    platform_url: platform.url,
    platform_secret: TEST_WEBHOOK_SECRET,
    connect_url: connect.url,
    connect_secret: connectSecret,
  });
  return receiverOf([platform.server, connect.server], delivered);
}
