// `npm run stripe:emulator`: starts the emulator from environment variables (see README.md).
import { startEmulator, type WebhookTargetConfig } from "./index.js";

const env = process.env;
const targets: WebhookTargetConfig[] = [];
if (env.STRIPE_EMULATOR_WEBHOOK_URL) {
  targets.push({ url: env.STRIPE_EMULATOR_WEBHOOK_URL, secret: env.STRIPE_EMULATOR_WEBHOOK_SECRET ?? "whsec_emulator_platform", connect: false });
}
if (env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL) {
  targets.push({
    url: env.STRIPE_EMULATOR_CONNECT_WEBHOOK_URL,
    secret: env.STRIPE_EMULATOR_CONNECT_WEBHOOK_SECRET ?? "whsec_emulator_connect",
    connect: true,
  });
}
const list = (v: string | undefined) => v?.split(",").map((s) => Number(s.trim())).filter((n) => Number.isFinite(n));

const running = await startEmulator({
  port: Number(env.STRIPE_EMULATOR_PORT ?? 12111),
  host: env.STRIPE_EMULATOR_HOST ?? "127.0.0.1",
  publicUrl: env.STRIPE_EMULATOR_PUBLIC_URL || undefined,
  stateFile: env.STRIPE_EMULATOR_STATE_FILE || undefined,
  webhookEndpoints: targets,
  connectClientId: env.STRIPE_EMULATOR_CONNECT_CLIENT_ID || undefined,
  webhookRetryDelaysMs: list(env.STRIPE_EMULATOR_WEBHOOK_RETRY_DELAYS_MS),
  webhookTimeoutMs: env.STRIPE_EMULATOR_WEBHOOK_TIMEOUT_MS ? Number(env.STRIPE_EMULATOR_WEBHOOK_TIMEOUT_MS) : undefined,
  logRequests: env.STRIPE_EMULATOR_LOG === "1",
});
console.log(`[stripe-emulator] listening on ${running.url} (dashboard at ${running.url}/)`);
for (const t of targets) console.log(`[stripe-emulator] ${t.connect ? "Connect" : "platform"} webhooks -> ${t.url}`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await running.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
