// The one table `npm run bench` prints, from the same object it saves as JSON.
import type { CatalogueReport, InterleavedReport, Spread } from "./catalogue";
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
  database?: string;
  loadAverage?: { before: number[]; after: number[] };
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  config: { courses: number; connections: number; durationSeconds: number; purchases: number; webhookEvents: number; webhookConcurrency: number };
  catalogue?: CatalogueReport;
  purchases?: Omit<PurchaseReport, "checks">;
  webhooks?: Omit<WebhookReport, "checks">;
  pageWeight?: PageWeightReport;
  checks: Check[];
}

const range = (value: Spread, unit = "") => `${value.median}${unit} (${value.min}–${value.max})`;

/** One row per target (median requests/s, p99, CPU per request) and one per ratio (median and spread over the rounds). */
export function interleavedRows(report: InterleavedReport): string[][] {
  const rows = report.targets.map((target) => [
    target.target,
    `${range(target.requestsPerSecond)} req/s`,
    `p99 ${range(target.latencyP99Ms, " ms")}, ${target.serverCpuMsPerRequest ? range(target.serverCpuMsPerRequest, " ms") : "?"} server CPU/request, ${target.errors} errors in ${target.requests} requests`,
  ]);
  for (const ratio of report.ratios) {
    rows.push([`${ratio.target} ÷ ${ratio.baseline}`, `${(ratio.ratio.median * 100).toFixed(1)} %`, `median of ${report.rounds} rounds, spread ${(ratio.ratio.min * 100).toFixed(1)}–${(ratio.ratio.max * 100).toFixed(1)} %`]);
  }
  return rows;
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
  if (report.catalogue) rows.push(...interleavedRows(report.catalogue));
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
    `Measured ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${report.machine.cpus} cores (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, on ${report.database ?? "sqlite"}, shared with other work (load average ${report.loadAverage ? `${report.loadAverage.before.join(" ")} → ${report.loadAverage.after.join(" ")}` : "?"}).`,
    "",
    "| what | figure | detail |",
    "| --- | --- | --- |",
  ];
  if (report.catalogue) {
    const { catalogue } = report;
    lines.push(`| catalogue: ${catalogue.rounds} interleaved rounds × ${catalogue.secondsPerRound} s per target, ${catalogue.connections} connections, ${report.config.courses} courses | | load average ${catalogue.loadAverage.before.join(" ")} → ${catalogue.loadAverage.after.join(" ")}; static file served by ${catalogue.staticServer} |`);
    for (const row of interleavedRows(catalogue)) lines.push(`| ${row.join(" | ")} |`);
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

interface SingleRun {
  generatedAt: string;
  database: string;
  loadAverage: { before: number[]; after: number[] };
  catalogue?: CatalogueReport;
  purchases?: Omit<PurchaseReport, "checks">;
  webhooks?: Omit<WebhookReport, "checks">;
  checks: Check[];
}

/** SQLite and PostgreSQL side by side (`npm run bench -- --databases`). */
export function formatDatabases(report: { generatedAt: string; machine: Report["machine"]; runs: { sqlite: SingleRun; postgres: SingleRun } }): string {
  const { sqlite, postgres } = report.runs;
  const lines = [
    `Measured ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}; SQLite run first, then PostgreSQL, each against its own static-file baseline measured in the same interleaved rounds.`,
    "",
    "| what | SQLite | PostgreSQL | PostgreSQL ÷ SQLite |",
    "| --- | --- | --- | --- |",
    `| load average (1, 5, 15 min) before → after | ${sqlite.loadAverage.before.join(" ")} → ${sqlite.loadAverage.after.join(" ")} | ${postgres.loadAverage.before.join(" ")} → ${postgres.loadAverage.after.join(" ")} | |`,
  ];
  const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? (b / a).toFixed(2) : "n/a");
  for (const target of sqlite.catalogue?.targets ?? []) {
    const other = postgres.catalogue?.targets.find((candidate) => candidate.target === target.target);
    const toStatic = (run: SingleRun) => run.catalogue?.ratios.find((entry) => entry.target === target.target)?.ratio;
    const cell = (summary: typeof target | undefined, share: Spread | undefined) =>
      summary
        ? `${range(summary.requestsPerSecond)} req/s${share ? `, ${(share.median * 100).toFixed(1)} % of static (${(share.min * 100).toFixed(1)}–${(share.max * 100).toFixed(1)})` : ""}; ${summary.serverCpuMsPerRequest ? range(summary.serverCpuMsPerRequest, " ms") : "?"} CPU/request; p99 ${summary.latencyP99Ms.median} ms`
        : "n/a";
    lines.push(
      `| catalogue ${target.target} | ${cell(target, toStatic(sqlite))} | ${cell(other, toStatic(postgres))} | ${ratio(toStatic(sqlite)?.median, toStatic(postgres)?.median)} of the static share; CPU ${ratio(target.serverCpuMsPerRequest?.median, other?.serverCpuMsPerRequest?.median)}× |`,
    );
  }
  const phases: Array<[string, (run: SingleRun) => PhaseFigures | undefined]> = [
    ["purchase, one at a time, first", (run) => run.purchases?.sequential.first],
    ["purchase, one at a time, repeat", (run) => run.purchases?.sequential.repeat],
    ["purchase, all at once, first", (run) => run.purchases?.concurrent.first],
  ];
  for (const [label, phase] of phases) {
    const a = phase(sqlite);
    const b = phase(postgres);
    const cell = (figures: PhaseFigures | undefined) =>
      figures ? `${figures.serverMsExcludingStripe.p50} ms p50, ${figures.serverMsExcludingStripe.p99} ms p99 server time excl. Stripe; ${figures.appCpuMsPerPurchase ?? "?"} ms app CPU; ${figures.paid}/${figures.purchases} paid` : "n/a";
    lines.push(`| ${label} | ${cell(a)} | ${cell(b)} | time ${ratio(a?.serverMsExcludingStripe.p50, b?.serverMsExcludingStripe.p50)}×, CPU ${ratio(a?.appCpuMsPerPurchase, b?.appCpuMsPerPurchase)}× |`);
  }
  const hook = (run: SingleRun) =>
    run.webhooks ? `${run.webhooks.eventsPerSecond} events/s, p99 ${run.webhooks.latencyMs.p99} ms, ${run.webhooks.appCpuMsPerEvent ?? "?"} ms CPU/event; lost ${run.webhooks.lost}, handled twice ${run.webhooks.handledTwice}` : "n/a";
  lines.push(`| webhooks (${sqlite.webhooks?.sent ?? "?"} deliveries, 10 % duplicates) | ${hook(sqlite)} | ${hook(postgres)} | events/s ${ratio(sqlite.webhooks?.eventsPerSecond, postgres.webhooks?.eventsPerSecond)}×, CPU ${ratio(sqlite.webhooks?.appCpuMsPerEvent, postgres.webhooks?.appCpuMsPerEvent)}× |`);
  const failed = [...sqlite.checks, ...postgres.checks].filter((check) => !check.ok);
  lines.push("", failed.length === 0 ? `All ${sqlite.checks.length + postgres.checks.length} correctness checks passed.` : `Failed checks: ${failed.map((check) => `${check.name} (${check.detail})`).join("; ")}.`);
  return `${lines.join("\n")}\n`;
}

interface InstancesSide {
  eventsPerSecond: Spread;
  latencyP99Ms: Spread;
  cpuMsPerEvent: Spread;
  lost: number;
  handledTwice: number;
  sent: number;
}

/** One instance versus two behind the balancer (`npm run bench -- --instances`). */
export function formatInstances(report: {
  generatedAt: string;
  machine: Report["machine"];
  config: { courses: number };
  catalogue: InterleavedReport;
  webhooks: { perFlood: number; one: InstancesSide; two: InstancesSide; ratio: Spread };
  checks: Check[];
}): string {
  const { catalogue, webhooks } = report;
  const lines = [
    `Measured ${report.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${report.machine.cpus} cores (${report.machine.cpuModel}), Node ${report.machine.node}; PostgreSQL, ${report.config.courses} courses; load average ${catalogue.loadAverage.before.join(" ")} → ${catalogue.loadAverage.after.join(" ")}. Each side goes through a balancer process of its own (in front of the first instance alone, or of both); CPU counts the instances and the balancer.`,
    "",
    "| what | figure (median, spread over rounds) | detail |",
    "| --- | --- | --- |",
    ...interleavedRows(catalogue).map((row) => `| ${row.join(" | ")} |`),
  ];
  const side = (name: string, figures: InstancesSide) =>
    `| webhooks, ${name} (${webhooks.perFlood} fresh deliveries per flood, ${catalogue.rounds} floods) | ${range(figures.eventsPerSecond)} events/s | p99 ${range(figures.latencyP99Ms, " ms")}, ${range(figures.cpuMsPerEvent, " ms")} CPU/event; lost ${figures.lost}, handled twice ${figures.handledTwice} of ${figures.sent} |`;
  lines.push(side("one instance", webhooks.one), side("two instances", webhooks.two));
  lines.push(`| webhooks, two ÷ one | ${(webhooks.ratio.median * 100).toFixed(1)} % | spread ${(webhooks.ratio.min * 100).toFixed(1)}–${(webhooks.ratio.max * 100).toFixed(1)} % |`);
  const failed = report.checks.filter((check) => !check.ok);
  lines.push("", failed.length === 0 ? `All ${report.checks.length} correctness checks passed.` : `Failed checks: ${failed.map((check) => `${check.name} (${check.detail})`).join("; ")}.`);
  return `${lines.join("\n")}\n`;
}
