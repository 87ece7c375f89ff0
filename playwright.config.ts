import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

export const E2E_PORT = 3100;
export const E2E_DATABASE = path.resolve("tests/.tmp/e2e.db");

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
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://localhost:${E2E_PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      DATABASE_URL: `file:${E2E_DATABASE}`,
      APP_URL: `http://localhost:${E2E_PORT}`,
      AUTH_SECRET: "e2e-only-secret-that-is-long-enough-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
