// `npm run bench`: builds if needed, starts the emulator and the production app on a throw-away
// database, measures the catalogue, purchases, webhooks and page weight, prints one table, writes
// bench/results/latest.json and exits non-zero when a correctness check fails.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { benchCatalogue, type CatalogueReport } from "./catalogue";
import { benchConfig, RESULTS_FILE, runsPart } from "./config";
import { benchPageWeight, type PageWeightReport } from "./page-weight";
import { benchPurchases, type PurchaseReport } from "./purchases";
import { formatMarkdown, formatTable, type Check } from "./report";
import { startStack } from "./stack";
import { benchWebhooks, type WebhookReport } from "./webhooks";

const log = (line: string) => console.log(`· ${line}`);

async function main() {
  const started = Date.now();
  buildIfNeeded();
  const checks: Check[] = [];
  let catalogue: CatalogueReport | undefined;
  let purchases: PurchaseReport | undefined;
  let webhooks: WebhookReport | undefined;
  let pageWeight: PageWeightReport | undefined;

  const needsServers = runsPart("catalogue") || runsPart("purchases") || runsPart("webhooks");
  const stack = needsServers ? await startStack(benchConfig, log) : null;
  if (stack) {
    const stop = () => void stack.stop().then(() => process.exit(130));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
  try {
    if (stack && runsPart("catalogue")) {
      catalogue = await benchCatalogue(stack.appUrl, stack.appPid, benchConfig, log);
      for (const page of catalogue.pages) {
        checks.push({ name: `catalogue ${page.target}: no errors`, ok: page.errors === 0 && page.requests > 0, detail: `${page.errors} errors in ${page.requests} requests` });
      }
    }
    if (stack && runsPart("purchases")) {
      purchases = await benchPurchases(stack, benchConfig, log);
      checks.push(...purchases.checks);
    }
    if (stack && runsPart("webhooks")) {
      webhooks = await benchWebhooks(stack, benchConfig, log);
      checks.push(...webhooks.checks);
    }
  } finally {
    await stack?.stop();
  }
  if (runsPart("weight")) pageWeight = benchPageWeight();

  const report = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
    },
    config: benchConfig,
    catalogue,
    purchases: purchases && { ...purchases, checks: undefined },
    webhooks: webhooks && { ...webhooks, checks: undefined },
    pageWeight,
    checks,
  };
  console.log(formatTable(report));
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  const markdownFile = RESULTS_FILE.replace(/\.json$/, ".md");
  writeFileSync(markdownFile, formatMarkdown(report));
  console.log(`Saved ${path.relative(process.cwd(), RESULTS_FILE)} and ${path.relative(process.cwd(), markdownFile)}.`);
  const failed = checks.filter((check) => !check.ok);
  if (failed.length > 0) {
    console.error(`${failed.length} correctness check(s) failed:\n${failed.map((check) => `  ✗ ${check.name}: ${check.detail}`).join("\n")}`);
    process.exit(1);
  }
  process.exit(0);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
