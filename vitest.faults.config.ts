// `npm run test:faults`: every Stripe call of every flow under every fault kind, webhook chaos,
// and the slow restart test, one file at a time (the restart test builds and starts the app).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/faults/**/*.test.ts"],
    env: { FAULT_SUITE: "full" },
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: "forks",
    fileParallelism: false,
  },
});
