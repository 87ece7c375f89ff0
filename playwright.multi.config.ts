// The multi-instance journey on PostgreSQL: three app instances of one build behind the load
// balancer, sharing PostgreSQL and Redis (tests/multi-instance/stack-setup.ts starts the stack).
import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

export default defineConfig({
  ...baseConfig,
  testDir: "tests/multi-instance",
  outputDir: "test-results/multi-instance",
  webServer: undefined,
  globalSetup: "./tests/multi-instance/stack-setup.ts",
  timeout: 60_000,
  use: { ...baseConfig.use, baseURL: undefined },
});
