// The integration suite again on PostgreSQL (`npm test` runs it after the SQLite run): every
// test file gets its own copy of a freshly migrated database on TEST_POSTGRES_URL's server.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// One name per run, so two runs on one server (two checkouts, CI) never touch each other's databases.
const run = process.env.TEST_POSTGRES_RUN ?? `cm_pg_test_${process.pid}_${Date.now().toString(36)}`;
process.env.TEST_POSTGRES_RUN = run;

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    environment: "node",
    include: ["tests/integration/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    globalSetup: ["tests/integration/support/postgres-global-setup.ts"],
    env: {
      TEST_DATABASE_PROVIDER: "postgresql",
      TEST_POSTGRES_RUN: run,
      AUTH_SECRET: "integration-only-secret-that-is-long-enough-0123",
    },
    // A PostgreSQL round trip costs more than SQLite's in-process call; on a shared machine more so.
    testTimeout: 40_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
