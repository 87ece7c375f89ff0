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
const failedTests: string[] = [];
const flakyTests: string[] = [];

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

/** The failed and retried-then-passed tests a Vitest run's outcome reporter wrote (tests/support/outcome-reporter.ts). */
function collectVitestOutcomes(file: string): void {
  if (!existsSync(file)) return;
  const outcomes = JSON.parse(readFileSync(file, "utf8")) as {
    failed: { name: string; file: string; error?: string }[];
    flaky: { name: string; file: string }[];
  };
  for (const test of outcomes.failed) failedTests.push(`${test.file} › ${test.name}${test.error ? `: ${test.error}` : ""}`);
  for (const test of outcomes.flaky) flakyTests.push(`${test.file} › ${test.name}`);
}

type PlaywrightSuite = {
  title: string;
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

function collectPlaywrightOutcomes(suites: PlaywrightSuite[]): void {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === "unexpected") {
          const message = test.results.at(-1)?.error?.message?.split("\n")[0]?.replace(/\u001b\[\d+m/g, "");
          failedTests.push(`${spec.file} › ${spec.title}${message ? `: ${message}` : ""}`);
        } else if (test.status === "flaky") {
          flakyTests.push(`${spec.file} › ${spec.title}`);
        }
      }
    }
    collectPlaywrightOutcomes(suite.suites ?? []);
  }
}

function countPlaywright(file: string): void {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    suites?: PlaywrightSuite[];
  };
  collectPlaywrightOutcomes(report.suites ?? []);
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
const vitestOutcomes = path.join(RESULTS, "vitest-outcomes.json");
run("unit, integration and emulator tests (vitest)", npx("vitest"), [
  "run", "--retry=1", "--reporter=default", "--reporter=json", "--reporter=./tests/support/outcome-reporter.ts", `--outputFile.json=${vitestReport}`,
], { OUTCOME_REPORT_FILE: vitestOutcomes });
countVitest(vitestReport);
collectVitestOutcomes(vitestOutcomes);

// The same integration suite on PostgreSQL (a throw-away database per test file).
const postgresReport = path.join(RESULTS, "vitest-postgres.json");
if (await postgresReachable()) {
  const postgresOutcomes = path.join(RESULTS, "vitest-postgres-outcomes.json");
  run("integration tests on PostgreSQL (vitest)", npx("vitest"), [
    "run", "-c", "vitest.postgres.config.ts", "--retry=1", "--reporter=default", "--reporter=json", "--reporter=./tests/support/outcome-reporter.ts", `--outputFile.json=${postgresReport}`,
  ], { OUTCOME_REPORT_FILE: postgresOutcomes });
  countVitest(postgresReport);
  collectVitestOutcomes(postgresOutcomes);
}

ensureChromium();
console.log("\n▶ production build for the browser tests");
buildIfNeeded();

const appReport = path.join(RESULTS, "playwright-app.json");
run("browser journeys of the app (Playwright)", npx("playwright"), ["test", "--retries=1", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_NAME: appReport });
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
if (flakyTests.length) console.log(`Passed only on a retry (flaky, look into them):\n${flakyTests.map((test) => `  ~ ${test}`).join("\n")}`);
if (failedTests.length) console.log(`Failed tests:\n${failedTests.map((test) => `  ✘ ${test}`).join("\n")}`);
if (failures.length) console.log(`Failed steps: ${failures.join("; ")}`);
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(failures.length === 0 && totals.failed === 0 ? 0 : 1);
