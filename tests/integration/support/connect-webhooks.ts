// Delivers the emulator's connected-account events to the app's real Connect route handler, and
// remembers what it answered, so tests can wait for and inspect them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as connectWebhook } from "@/app/api/stripe/connect-webhook/route";
import type { TestStripe } from "./stripe-emulator";

export interface DeliveredEvent {
  status: number;
  event: { id: string; type: string; account?: string; [key: string]: unknown };
}

export interface ConnectWebhookReceiver {
  delivered: DeliveredEvent[];
  close(): Promise<void>;
}

export async function receiveConnectWebhooks(stripe: TestStripe, secret: string): Promise<ConnectWebhookReceiver> {
  process.env.STRIPE_CONNECT_WEBHOOK_SECRET = secret;
  const delivered: DeliveredEvent[] = [];
  const receiver: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const response = await connectWebhook(
      new Request("http://app.test/api/stripe/connect-webhook", {
        method: "POST",
        headers: { "stripe-signature": String(req.headers["stripe-signature"] ?? "") },
        body,
      }),
    );
    delivered.push({ status: response.status, event: JSON.parse(body) });
    res.writeHead(response.status).end(await response.text());
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
  await stripe.call("POST", "/_emulator/webhook_targets", {
    "targets[0][url]": url,
    "targets[0][secret]": secret,
    "targets[0][connect]": "true",
  });
  return {
    delivered,
    close: () => new Promise<void>((resolve) => receiver.close(() => resolve())),
  };
}
