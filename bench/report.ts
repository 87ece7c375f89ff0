// The one table `npm run bench` prints, from the same object it saves as JSON.
import type { CatalogueReport } from "./catalogue";
import type { PageWeightReport } from "./page-weight";
import type { PhaseFigures, PurchaseReport } from "./purchases";
import type { WebhookReport } from "./webhooks";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface Report {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  config: { courses: number; connections: number; durationSeconds: number; purchases: number; webhookEvents: number; webhookConcurrency: number };
  catalogue?: CatalogueReport;
  purchases?: Omit<PurchaseReport, "checks">;
  webhooks?: Omit<WebhookReport, "checks">;
  pageWeight?: PageWeightReport;
  checks: Check[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

function purchaseRow(label: string, phase: PhaseFigures): string[] {
  return [
    label,
    `${ms(phase.serverMsExcludingStripe.p50)} p50, ${ms(phase.serverMsExcludingStripe.p99)} p99 server time excl. Stripe`,
    `${phase.appCpuMsPerPurchase ?? "?"} ms app CPU; ${phase.serverStripeCallsPerPurchase} server Stripe calls (${Object.entries(phase.serverStripeCalls).map(([call, count]) => `${call} ×${count}`).join(", ")}); ${phase.purchasesPerSecond} purchases/s; ${phase.paid}/${phase.purchases} paid`,
  ];
}

export function formatTable(report: Report): string {
  const rows: string[][] = [];
  if (report.catalogue) {
    for (const page of report.catalogue.pages) {
      const ratio = report.catalogue.ratioToStatic[page.target];
      rows.push([
        `catalogue ${page.target}`,
        `${page.requestsPerSecond} req/s`,
        `p50 ${page.latencyP50Ms} ms, p99 ${page.latencyP99Ms} ms, ${page.errors} errors, ${page.serverCpuMsPerRequest ?? "?"} ms server CPU/request${ratio === undefined ? "" : `, ${(ratio * 100).toFixed(1)} % of the static file`}`,
      ]);
    }
  }
  if (report.purchases) {
    const { sequential, concurrent } = report.purchases;
    rows.push(purchaseRow("purchase, sequential, first", sequential.first));
    rows.push(purchaseRow("purchase, sequential, repeat", sequential.repeat));
    rows.push(purchaseRow(`purchase, ${concurrent.concurrency} at once, first`, concurrent.first));
    rows.push(purchaseRow(`purchase, ${concurrent.concurrency} at once, repeat`, concurrent.repeat));
  }
  if (report.webhooks) {
    const hooks = report.webhooks;
    rows.push([
      "webhooks",
      `${hooks.eventsPerSecond} events/s`,
      `p50 ${hooks.latencyMs.p50} ms, p99 ${hooks.latencyMs.p99} ms, ${hooks.appCpuMsPerEvent ?? "?"} ms app CPU/event; ${hooks.sent} sent (${hooks.duplicatesSent} duplicates, ${hooks.reordered} reordered), ${hooks.stored} stored, ${hooks.handled} handled, ${hooks.ignored} ignored, lost ${hooks.lost}, handled twice ${hooks.handledTwice}`,
    ]);
  }
  if (report.pageWeight) {
    const { routes, emptyApp } = report.pageWeight;
    for (const route of routes) {
      rows.push([`first-load JS ${route.route}`, kb(route.gzipBytes), `gzip, ${route.files} files; ${kb(route.overEmptyGzipBytes)} more than an empty Next.js page`]);
    }
    rows.push(["first-load JS empty Next.js page", kb(emptyApp.gzipBytes), `gzip, ${emptyApp.files} files`]);
  }
  for (const check of report.checks) rows.push([check.ok ? "✓ check" : "✗ CHECK FAILED", check.name, check.detail]);

  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const header = `Benchmark on ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}`;
  return [header, ...rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2]}`)].join("\n");
}

const cell = (value: number | null | undefined, unit = "") => (value === null || value === undefined ? "n/a" : `${value}${unit}`);

/** The same figures as a Markdown table, for the README's Performance section. */
export function formatMarkdown(report: Report): string {
  const lines = [
    `Measured ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, shared with other work.`,
    "",
    "| what | figure | detail |",
    "| --- | --- | --- |",
  ];
  if (report.catalogue) {
    const { catalogue } = report;
    for (const page of catalogue.pages) {
      const ratio = catalogue.ratioToStatic[page.target];
      lines.push(
        `| ${page.target} (${report.config.courses} courses, ${catalogue.connections} connections, ${catalogue.durationSeconds} s) | ${page.requestsPerSecond} req/s | p50 ${page.latencyP50Ms} ms, p99 ${page.latencyP99Ms} ms, ${page.errors} errors, ${cell(page.serverCpuMsPerRequest, " ms")} server CPU per request${ratio === undefined ? `; served by: ${catalogue.staticServer}` : `, ${(ratio * 100).toFixed(1)} % of the static file's requests/s`} |`,
      );
    }
  }
  if (report.purchases) {
    const { sequential, concurrent } = report.purchases;
    const row = (label: string, phase: PhaseFigures) =>
      lines.push(
        `| ${label} | ${phase.serverMsExcludingStripe.p50} ms p50 | server time excluding Stripe: mean ${phase.serverMsExcludingStripe.mean} ms, p99 ${phase.serverMsExcludingStripe.p99} ms; ${cell(phase.appCpuMsPerPurchase, " ms")} app CPU; ${phase.serverStripeCallsPerPurchase} Stripe calls from the server (${Object.entries(phase.serverStripeCalls).map(([call, count]) => `${call} ×${count}`).join(", ")}) and ${phase.browserStripeCallsPerPurchase} from the browser; ${phase.purchasesPerSecond} purchases/s; ${phase.paid}/${phase.purchases} paid |`,
      );
    row(`purchase, one at a time, first (${sequential.first.purchases} buyers)`, sequential.first);
    row("purchase, one at a time, repeat (same buyers)", sequential.repeat);
    row(`purchase, ${concurrent.concurrency} at once, first (other buyers)`, concurrent.first);
    row(`purchase, ${concurrent.concurrency} at once, repeat`, concurrent.repeat);
  }
  if (report.webhooks) {
    const hooks = report.webhooks;
    lines.push(
      `| webhooks (${hooks.sent} signed deliveries, ${hooks.concurrency} at a time) | ${hooks.eventsPerSecond} events/s | p50 ${hooks.latencyMs.p50} ms, p99 ${hooks.latencyMs.p99} ms; ${cell(hooks.appCpuMsPerEvent, " ms")} app CPU per event; ${hooks.duplicatesSent} duplicates and ${hooks.reordered} out of order sent; ${hooks.stored} stored (${hooks.handled} handled, ${hooks.ignored} ignored); lost ${hooks.lost}, handled twice ${hooks.handledTwice}; ${hooks.orders.paid} orders paid of ${hooks.orders.expectedPaid} expected, ${hooks.orders.enrolments} enrolments |`,
    );
  }
  if (report.pageWeight) {
    for (const route of report.pageWeight.routes) {
      lines.push(`| first-load JS ${route.route} | ${kb(route.gzipBytes)} gzip | ${route.files} files, ${kb(route.rawBytes)} raw; ${kb(route.overEmptyGzipBytes)} more than an empty Next.js page |`);
    }
    const empty = report.pageWeight.emptyApp;
    lines.push(`| first-load JS, empty Next.js page | ${kb(empty.gzipBytes)} gzip | ${empty.files} files, ${kb(empty.rawBytes)} raw (same next and react, one page) |`);
  }
  const failed = report.checks.filter((check) => !check.ok);
  lines.push("", failed.length === 0 ? `All ${report.checks.length} correctness checks passed.` : `Failed checks: ${failed.map((check) => `${check.name} (${check.detail})`).join("; ")}.`);
  return `${lines.join("\n")}\n`;
}
