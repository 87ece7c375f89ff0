// Starts the local Stripe emulator as its own process (the app reaches it only over HTTP) and
// returns the environment that points the app at it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

export interface EmulatorProcess {
  child: ChildProcess;
  appEnv: Record<string, string>;
}

interface StartOptions {
  port: number;
  appUrl: string;
  stateFile?: string;
}

const secret = () => `whsec_${randomBytes(24).toString("base64url")}`;

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Stripe emulator exited with code ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`the Stripe emulator did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startEmulatorProcess({ port, appUrl, stateFile }: StartOptions): Promise<EmulatorProcess> {
  const webhookSecret = secret();
  const connectWebhookSecret = secret();
  const emulatorUrl = `http://127.0.0.1:${port}`;
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["stripe-emulator/src/main.ts"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      STRIPE_EMULATOR_PORT: String(port),
      STRIPE_EMULATOR_HOST: "127.0.0.1",
      ...(stateFile ? { STRIPE_EMULATOR_STATE_FILE: stateFile } : {}),
      STRIPE_EMULATOR_WEBHOOK_URL: `${appUrl}/api/stripe/webhook`,
      STRIPE_EMULATOR_WEBHOOK_SECRET: webhookSecret,
      STRIPE_EMULATOR_CONNECT_WEBHOOK_URL: `${appUrl}/api/stripe/connect-webhook`,
      STRIPE_EMULATOR_CONNECT_WEBHOOK_SECRET: connectWebhookSecret,
    },
  });
  // An emulator that did not come up in time is stopped, not left behind holding its port.
  await waitUntilUp(`${emulatorUrl}/`, child).catch((error) => {
    child.kill("SIGTERM");
    throw error;
  });
  return {
    child,
    appEnv: {
      STRIPE_API_URL: emulatorUrl,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_CONNECT_WEBHOOK_SECRET: connectWebhookSecret,
    },
  };
}
