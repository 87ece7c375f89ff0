// `npm run bench`: builds if needed, starts the emulator and the production app on a throw-away
// database, measures the catalogue (interleaved rounds against a static file), purchases, webhooks
// and page weight, prints one table, writes bench/results/latest.json and .md, and exits non-zero
// when a correctness check fails.
//   --database postgres   the same on PostgreSQL (BENCH_POSTGRES_URL's server)
//   --databases           the bench on SQLite, then on PostgreSQL: figures side by side (databases.md)
//   --instances           one instance versus two behind the balancer, on PostgreSQL (instances.md)
// See bench/README.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { sessionCookie } from "./app-client";
import { benchCatalogue, interleavedRounds, loadAverage, distinctSearchTerms, spread, type CatalogueReport, type InterleavedReport } from "./catalogue";
import { benchConfig, RESULTS_FILE, runsPart, TMP_DIR } from "./config";
import { benchPageWeight, type PageWeightReport } from "./page-weight";
import { benchPurchases, type PurchaseReport } from "./purchases";
import { formatDatabases, formatInstances, formatMarkdown, formatTable, type Check } from "./report";
import { startStack, type Stack } from "./stack";
import { benchWebhooks, type WebhookReport } from "./webhooks";

const log = (line: string) => console.log(`· ${line}`);

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
}

function save(report: object, markdown: string): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  const markdownFile = RESULTS_FILE.replace(/\.json$/, ".md");
  writeFileSync(markdownFile, markdown);
  console.log(`Saved ${path.relative(process.cwd(), RESULTS_FILE)} and ${path.relative(process.cwd(), markdownFile)}.`);
}

function exitWith(checks: Check[]): never {
  const failed = checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    console.error(`${failed.length} correctness check(s) failed:\n${failed.map((check) => `  ✗ ${check.name}: ${check.detail}`).join("\n")}`);
    process.exit(1);
  }
  process.exit(0);
}

async function withStack<T>(instances: number, work: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack(benchConfig, log, instances);
  const stop = () => void stack.stop().then(() => process.exit(130));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    return await work(stack);
  } finally {
    await stack.stop();
  }
}

/** A buyer's session cookie, for the signed-in catalogue. */
async function buyerCookie(): Promise<string> {
  const { db } = await import("../lib/db");
  const user = await db.user.findUniqueOrThrow({ where: { email: "buyer@example.com" }, select: { id: true, email: true, name: true, sessionVersion: true } });
  return sessionCookie(user, process.env.AUTH_SECRET!);
}

/** One database (SQLite unless --database postgres): the catalogue, purchases, webhooks, page weight. */
async function singleRun(): Promise<never> {
  const started = Date.now();
  const checks: Check[] = [];
  let catalogue: CatalogueReport | undefined;
  let purchases: PurchaseReport | undefined;
  let webhooks: WebhookReport | undefined;
  let pageWeight: PageWeightReport | undefined;
  const loadBefore = loadAverage();
  if (runsPart("catalogue") || runsPart("purchases") || runsPart("webhooks")) {
    await withStack(1, async (stack) => {
      if (runsPart("catalogue")) {
        catalogue = await benchCatalogue({ url: stack.appUrl, pids: [stack.appPid], cookie: await buyerCookie() }, benchConfig, log);
        for (const target of catalogue.targets) {
          checks.push({ name: `catalogue ${target.target}: no errors`, ok: target.errors === 0 && target.requests > 0, detail: `${target.errors} errors in ${target.requests} requests` });
        }
      }
      if (runsPart("purchases")) {
        purchases = await benchPurchases(stack, benchConfig, log);
        checks.push(...purchases.checks);
      }
      if (runsPart("webhooks")) {
        webhooks = await benchWebhooks(stack, benchConfig, log);
        checks.push(...webhooks.checks);
      }
    });
  }
  if (runsPart("weight") && benchConfig.database === "sqlite") pageWeight = benchPageWeight();
  const report = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    database: benchConfig.database,
    loadAverage: { before: loadBefore, after: loadAverage() },
    machine: machine(),
    config: benchConfig,
    catalogue,
    purchases: purchases && { ...purchases, checks: undefined },
    webhooks: webhooks && { ...webhooks, checks: undefined },
    pageWeight,
    checks,
  };
  console.log(formatTable(report));
  save(report, formatMarkdown(report));
  exitWith(checks);
}

/** The single run on SQLite, then on PostgreSQL, each in its own process (the app's database is chosen once per process). */
function databasesRun(): never {
  const runs: Record<string, unknown> = {};
  let ok = true;
  for (const database of ["sqlite", "postgres"]) {
    const file = path.join(TMP_DIR, `${database}.json`);
    console.log(`\n▶ bench on ${database}`);
    const child = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "--database", database], {
      stdio: "inherit",
      env: { ...process.env, BENCH_RESULTS_FILE: file, BENCH_ONLY: process.env.BENCH_ONLY || "catalogue,purchases,webhooks" },
    });
    ok &&= child.status === 0;
    runs[database] = JSON.parse(readFileSync(file, "utf8"));
  }
  const report = { generatedAt: new Date().toISOString(), machine: machine(), runs };
  const markdown = formatDatabases(report as unknown as Parameters<typeof formatDatabases>[0]);
  console.log(markdown);
  save(report, markdown);
  process.exit(ok ? 0 : 1);
}

/** Two instances on PostgreSQL: the catalogue and the webhook intake through a balancer in front of one instance versus both, interleaved. */
async function instancesRun(): Promise<never> {
  const started = Date.now();
  const checks: Check[] = [];
  const result = await withStack(2, async (stack) => {
    const { one, two, onePid, twoPid } = stack.balancers!;
    const [first, second] = stack.instancePids;
    // Each instance fills its own data cache (no Redis here) before the first round.
    for (const port of [benchConfig.appPort, benchConfig.appPort + 7]) await (await fetch(`http://127.0.0.1:${port}/courses`)).text();
    for (const url of [one, two]) await (await fetch(`${url}/courses`)).text();
    log(`Catalogue: ${benchConfig.rounds} interleaved rounds of ${benchConfig.durationSeconds} s per target, one instance versus two.`);
    const catalogue: InterleavedReport = await interleavedRounds(
      [
        { name: "/courses, one instance", url: `${one}/courses`, pids: [first, onePid] },
        { name: "/courses, two instances", url: `${two}/courses`, pids: [first, second, twoPid] },
        { name: "search, one instance", url: `${one}/courses`, pids: [first, onePid], nextPath: distinctSearchTerms(benchConfig.courses) },
        { name: "search, two instances", url: `${two}/courses`, pids: [first, second, twoPid], nextPath: distinctSearchTerms(benchConfig.courses) },
      ],
      [
        ["/courses, two instances", "/courses, one instance"],
        ["search, two instances", "search, one instance"],
      ],
      { rounds: benchConfig.rounds, seconds: benchConfig.durationSeconds, connections: benchConfig.connections },
      log,
    );
    for (const target of catalogue.targets) checks.push({ name: `${target.target}: no errors`, ok: target.errors === 0, detail: `${target.errors} errors in ${target.requests} requests` });

    // Webhooks: fresh events for every flood, one side then the other, round after round.
    const perFlood = Math.max(200, Math.round(benchConfig.webhookEvents / (2 * benchConfig.rounds)));
    const floods: Record<"one" | "two", WebhookReport[]> = { one: [], two: [] };
    for (let round = 0; round < benchConfig.rounds; round++) {
      const order: Array<"one" | "two"> = round % 2 === 0 ? ["one", "two"] : ["two", "one"];
      for (const side of order) {
        const target = side === "one" ? { base: one, pids: [first, onePid] } : { base: two, pids: [first, second, twoPid] };
        const flood = await benchWebhooks(stack, benchConfig, log, { ...target, events: perFlood });
        floods[side].push(flood);
        checks.push(...flood.checks.map((check) => ({ ...check, name: `${check.name} (${side === "one" ? "one instance" : "two instances"}, round ${round + 1})` })));
      }
      log(`webhooks round ${round + 1}: one ${floods.one[round].eventsPerSecond}/s, two ${floods.two[round].eventsPerSecond}/s (load ${loadAverage().join(" ")})`);
    }
    const summary = (side: "one" | "two") => ({
      eventsPerSecond: spread(floods[side].map((flood) => flood.eventsPerSecond)),
      latencyP99Ms: spread(floods[side].map((flood) => flood.latencyMs.p99)),
      cpuMsPerEvent: spread(floods[side].map((flood) => flood.appCpuMsPerEvent ?? 0)),
      lost: floods[side].reduce((sum, flood) => sum + flood.lost, 0),
      handledTwice: floods[side].reduce((sum, flood) => sum + flood.handledTwice, 0),
      sent: floods[side].reduce((sum, flood) => sum + flood.sent, 0),
    });
    const webhooks = {
      perFlood,
      one: summary("one"),
      two: summary("two"),
      ratio: spread(floods.two.map((flood, i) => flood.eventsPerSecond / floods.one[i].eventsPerSecond), 4),
    };
    return { catalogue, webhooks };
  });
  const report = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: machine(),
    config: benchConfig,
    ...result,
    checks,
  };
  const markdown = formatInstances(report);
  console.log(markdown);
  save(report, markdown);
  exitWith(checks);
}

async function main(): Promise<never> {
  buildIfNeeded();
  if (benchConfig.databases) return databasesRun();
  if (benchConfig.instances) return instancesRun();
  return singleRun();
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
