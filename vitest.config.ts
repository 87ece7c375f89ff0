import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: [
      "tests/unit/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "tests/faults/**/*.test.ts",
      "stripe-emulator/tests/**/*.test.ts",
    ],
    // Slow fault tests (a production build, server restarts) run in `npm run test:faults` only.
    exclude: ["**/node_modules/**", "stripe-emulator/tests/browser/**", "tests/faults/**/*.slow.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
