// `npm test`: type-check, unit + integration tests (on SQLite, then again on PostgreSQL), then
// Playwright journeys in Debian's Chromium against a production build. Ends with one "N passed, N failed" line for the whole run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "./build-if-needed";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = path.resolve("test-results");
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✘"} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(label);
  return ok;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then npm test again.`);
    process.exit(1);
  }
  console.log("Installing Debian's Chromium for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error("Could not install Chromium with apt-get; install it and run npm test again.");
    process.exit(1);
  }
}

/** PostgreSQL for the second integration run: `.ci/run` starts it; without it the step fails and says why. */
async function postgresReachable(): Promise<boolean> {
  const { TEST_POSTGRES_URL } = await import("../tests/integration/support/postgres-databases");
  const pg = (await import("pg")).default;
  const { poolConfig } = await import("../lib/postgres-pool");
  const client = new pg.Client({ ...poolConfig(TEST_POSTGRES_URL), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    console.error(
      `\n✘ integration tests on PostgreSQL: cannot connect to ${new URL(TEST_POSTGRES_URL).host} (${error instanceof Error ? error.message : error}).` +
        ` Start PostgreSQL (as root: pg_ctlcluster 15 main start; .ci/run does it and creates the role) or set TEST_POSTGRES_URL.`,
    );
    failures.push("integration tests on PostgreSQL (no server)");
    return false;
  }
}

function countVitest(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  totals.passed += report.stats.expected + report.stats.flaky;
  totals.failed += report.stats.unexpected;
  totals.skipped += report.stats.skipped;
}

const npx = (bin: string) => path.resolve("node_modules", ".bin", bin);
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
rmSync("tests/.tmp", { recursive: true, force: true });
mkdirSync("tests/.tmp", { recursive: true });

run("type-check the app", npx("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
run("type-check the Stripe emulator", npx("tsc"), ["--noEmit", "-p", "stripe-emulator/tsconfig.json"]);

const vitestReport = path.join(RESULTS, "vitest.json");
run("unit, integration and emulator tests (vitest)", npx("vitest"), [
  "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`,
]);
countVitest(vitestReport);

// The same integration suite on PostgreSQL (a throw-away database per test file).
const postgresReport = path.join(RESULTS, "vitest-postgres.json");
if (await postgresReachable()) {
  run("integration tests on PostgreSQL (vitest)", npx("vitest"), [
    "run", "-c", "vitest.postgres.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${postgresReport}`,
  ]);
  countVitest(postgresReport);
}

ensureChromium();
console.log("\n▶ production build for the browser tests");
buildIfNeeded();

const appReport = path.join(RESULTS, "playwright-app.json");
run("browser journeys of the app (Playwright)", npx("playwright"), ["test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: appReport });
countPlaywright(appReport);

// Three instances on PostgreSQL and Redis behind the load balancer (needs redis-server, which .ci/run
// installs), and the PostgreSQL restart fault test on a throw-away server of its own (initdb, pg_ctl).
const multiReport = path.join(RESULTS, "playwright-multi-instance.json");
run("several app instances on PostgreSQL (Playwright)", npx("playwright"), ["test", "-c", "playwright.multi.config.ts", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: multiReport,
});
countPlaywright(multiReport);

if (existsSync("stripe-emulator/playwright.config.ts")) {
  const emulatorReport = path.join(RESULTS, "playwright-emulator.json");
  run("Stripe.js stand-in in Chromium (Playwright)", npx("playwright"), ["test", "--reporter=list,json", "-c", "stripe-emulator/playwright.config.ts"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: emulatorReport,
  });
  countPlaywright(emulatorReport);
}

console.log("");
if (failures.length) console.log(`Failed steps: ${failures.join("; ")}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failures.length === 0 && totals.failed === 0 ? 0 : 1);
