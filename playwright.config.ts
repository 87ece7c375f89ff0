import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Ports can be moved so two checkouts on one machine can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATABASE = path.resolve(`tests/.tmp/e2e-${E2E_PORT}.db`);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 12199);
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
// Test-only signing secrets shared by the emulator and the app under test.
export const E2E_WEBHOOK_SECRET = "whsec_e2e_only_platform";
export const E2E_CONNECT_WEBHOOK_SECRET = "whsec_e2e_only_connect";
// The mail catcher's SMTP port and its page, next to the emulator's unless moved.
export const E2E_MAIL_SMTP_PORT = Number(process.env.E2E_MAIL_SMTP_PORT ?? E2E_EMULATOR_PORT + 5);
export const E2E_MAIL_URL = `http://127.0.0.1:${Number(process.env.E2E_MAIL_HTTP_PORT ?? E2E_EMULATOR_PORT + 6)}`;
const APP_URL = `http://localhost:${E2E_PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/app",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx stripe-emulator/src/main.ts",
      url: `${E2E_EMULATOR_URL}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        STRIPE_EMULATOR_PORT: String(E2E_EMULATOR_PORT),
        STRIPE_EMULATOR_HOST: "127.0.0.1",
        STRIPE_EMULATOR_WEBHOOK_URL: `${APP_URL}/api/stripe/webhook`,
        STRIPE_EMULATOR_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
        STRIPE_EMULATOR_CONNECT_WEBHOOK_URL: `${APP_URL}/api/stripe/connect-webhook`,
        STRIPE_EMULATOR_CONNECT_WEBHOOK_SECRET: E2E_CONNECT_WEBHOOK_SECRET,
      },
    },
    {
      command: "npx tsx scripts/mail-catcher.ts",
      url: `${E2E_MAIL_URL}/api/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        MAIL_CATCHER_SMTP_PORT: String(E2E_MAIL_SMTP_PORT),
        MAIL_CATCHER_HTTP_PORT: new URL(E2E_MAIL_URL).port,
        MAIL_CATCHER_HOST: "127.0.0.1",
      },
    },
    {
      command: "npx tsx scripts/e2e-server.ts",
      url: `${APP_URL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(E2E_PORT),
        DATABASE_URL: `file:${E2E_DATABASE}`,
        APP_URL,
        AUTH_SECRET: "e2e-only-secret-that-is-long-enough-0123456789",
        STRIPE_API_URL: E2E_EMULATOR_URL,
        STRIPE_WEBHOOK_SECRET: E2E_WEBHOOK_SECRET,
        STRIPE_CONNECT_WEBHOOK_SECRET: E2E_CONNECT_WEBHOOK_SECRET,
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_SMTP_PORT}`,
        MERCHANT_ADDRESS: "1 Test Street; Springfield; United States",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
