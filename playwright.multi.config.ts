// The multi-instance journey on PostgreSQL: three app instances of one build behind the load
// balancer, sharing PostgreSQL and Redis (tests/multi-instance/stack-setup.ts starts the stack),
// and the PostgreSQL restart fault test, which starts a stack of its own on its own PostgreSQL
// (postgres-restart.spec.ts: balancer E2E_PORT + 5, instance + 6, Redis + 8, PostgreSQL + 9,
// emulator and mail catcher E2E_EMULATOR_PORT + 10…12).
import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

// The balancer listens on E2E_PORT + 1 and the instances on the next ports (stack-setup.ts); pages
// open on the first instance unless a test names another.
const firstInstance = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 2}`;

export default defineConfig({
  ...baseConfig,
  testDir: "tests/multi-instance",
  outputDir: "test-results/multi-instance",
  webServer: undefined,
  globalSetup: "./tests/multi-instance/stack-setup.ts",
  timeout: 90_000,
  // Three production servers, PostgreSQL and Redis share the machine with the browser.
  expect: { timeout: 20_000 },
  use: { ...baseConfig.use, baseURL: firstInstance },
});
