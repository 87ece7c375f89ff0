// Catalogue throughput, interleaved: every target is loaded in turn for a few seconds, round after
// round (A B C A B C …), so a machine that gets busier or quieter in the middle moves every target
// alike, and each round's figure is read against the static file's in the same round. Targets: the
// first page, pages beyond the first (a different page per request), a search with a different
// term per request (the data cache cannot answer it), the first page signed in, and the same HTML
// saved to a file and served by a static server. Reported: the median of the rounds' ratios with
// their spread, and server CPU per request (from /proc, before and after each round).
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generatedCourse } from "../prisma/seed-data";
import { TMP_DIR, type BenchConfig } from "./config";
import { processesCpuMs } from "./process-cpu";

/** One round of load on one target. */
export interface RoundFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  /** CPU time of the serving process(es) per request: steadier than requests/s on a busy machine. */
  serverCpuMsPerRequest: number | null;
}

/** Median and spread (lowest, highest) over the rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface LoadTarget {
  name: string;
  url: string;
  /** The processes whose CPU serves it (an instance, both instances, the static server). */
  pids: number[];
  headers?: Record<string, string>;
  /** A different path for every request (search terms, page numbers). */
  nextPath?: () => string;
}

export interface TargetSummary {
  target: string;
  url: string;
  rounds: RoundFigures[];
  requestsPerSecond: Spread;
  latencyP99Ms: Spread;
  serverCpuMsPerRequest: Spread | null;
  errors: number;
  requests: number;
}

export interface InterleavedReport {
  rounds: number;
  secondsPerRound: number;
  connections: number;
  targets: TargetSummary[];
  /** Per round, requests/s of a target divided by its baseline's in the same round. */
  ratios: Array<{ target: string; baseline: string; ratio: Spread }>;
  loadAverage: { before: number[]; after: number[] };
}

export interface CatalogueReport extends InterleavedReport {
  staticServer: string;
  searchTerms: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Median, lowest and highest, to `digits` decimals (ratios need more than requests/s). */
export function spread(values: number[], digits = 2): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]) };
}

async function loadOnce(target: LoadTarget, connections: number, seconds: number): Promise<RoundFigures> {
  const cpuBefore = processesCpuMs(target.pids);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.headers,
    requests: target.nextPath ? [{ method: "GET", setupRequest: (request) => ({ ...request, path: target.nextPath!() }) }] : undefined,
  });
  const cpuAfter = processesCpuMs(target.pids);
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || result.requests.total === 0 ? null : round2((cpuAfter - cpuBefore) / result.requests.total),
  };
}

/**
 * Loads every target in turn, `rounds` times; each round starts one target later than the one
 * before, so no target always runs first (on a cold cache) or last (after the others' garbage).
 */
export async function interleavedRounds(
  targets: LoadTarget[],
  ratioPairs: Array<[target: string, baseline: string]>,
  options: { rounds: number; seconds: number; connections: number },
  log: (line: string) => void,
): Promise<InterleavedReport> {
  const loadBefore = loadAverage();
  const figures = new Map<string, RoundFigures[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(round + i) % targets.length];
      figures.get(target.name)!.push(await loadOnce(target, options.connections, options.seconds));
    }
    const line = targets.map((target) => `${target.name} ${figures.get(target.name)![round].requestsPerSecond}/s`).join(", ");
    log(`round ${round + 1}/${options.rounds}: ${line} (load ${loadAverage().join(" ")})`);
  }
  const summaries: TargetSummary[] = targets.map((target) => {
    const rounds = figures.get(target.name)!;
    // A round that answered nothing (a very busy machine) has no CPU per request: left out.
    const cpu = rounds.map((r) => r.serverCpuMsPerRequest).filter((value): value is number => value !== null);
    return {
      target: target.name,
      url: target.url,
      rounds,
      requestsPerSecond: spread(rounds.map((r) => r.requestsPerSecond)),
      latencyP99Ms: spread(rounds.map((r) => r.latencyP99Ms)),
      serverCpuMsPerRequest: cpu.length > 0 ? spread(cpu) : null,
      errors: rounds.reduce((sum, r) => sum + r.errors, 0),
      requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    };
  });
  const ratios = ratioPairs.map(([target, baseline]) => {
    const a = figures.get(target)!;
    const b = figures.get(baseline)!;
    return { target, baseline, ratio: spread(a.map((r, i) => (b[i].requestsPerSecond ? r.requestsPerSecond / b[i].requestsPerSecond : 0)), 4) };
  });
  return { rounds: options.rounds, secondsPerRound: options.seconds, connections: options.connections, targets: summaries, ratios, loadAverage: { before: loadBefore, after: loadAverage() } };
}

export function loadAverage(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

/** Search terms that each match a few generated courses ("Rust 12" matches Rust 12, 120…), shuffled, never repeated in a run. */
export function distinctSearchTerms(courses: number): () => string {
  const terms = Array.from({ length: Math.max(courses, 1) }, (_, index) => generatedCourse(index).title.split(" ").slice(-2).join(" "));
  for (let i = terms.length - 1; i > 0; i--) {
    const j = (i * 7919 + 13) % (i + 1);
    [terms[i], terms[j]] = [terms[j], terms[i]];
  }
  let next = 0;
  return () => `/courses?q=${encodeURIComponent(terms[next++ % terms.length])}`;
}

/** Pages 2… of the catalogue, a different one per request. */
export function laterPages(courses: number, pageSize: number): () => string {
  const last = Math.max(2, Math.ceil(courses / pageSize));
  let next = 0;
  return () => `/courses?page=${2 + (next++ % (last - 1))}`;
}

async function waitUntilServed(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`the static server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the static server did not serve ${url}`);
}

async function startStaticServer(file: string, port: number): Promise<{ kind: string; url: string; pid: number; stop(): void }> {
  const url = `http://127.0.0.1:${port}/${path.basename(file)}`;
  if (spawnSync("sh", ["-c", "command -v nginx"]).status === 0) {
    const root = path.dirname(file);
    const conf = path.join(TMP_DIR, "nginx.conf");
    writeFileSync(
      conf,
      `daemon off; worker_processes 1; pid ${TMP_DIR}/nginx.pid; error_log ${TMP_DIR}/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; default_type text/html; server { listen 127.0.0.1:${port}; root ${root}; } }\n`,
    );
    const child = spawn("nginx", ["-c", conf, "-p", TMP_DIR], { stdio: "ignore" });
    await waitUntilServed(url, child);
    return { kind: "nginx (Debian)", url, pid: child.pid!, stop: () => child.kill("SIGTERM") };
  }
  const child: ChildProcess = fork(path.resolve("bench", "static-server.ts"), [file, String(port)], {
    execArgv: ["--import", "tsx"],
    stdio: "ignore",
  });
  await waitUntilServed(url, child);
  return { kind: "Node http server streaming the saved file (no nginx on this machine)", url, pid: child.pid!, stop: () => child.kill("SIGTERM") };
}

export interface CatalogueApp {
  url: string;
  pids: number[];
  /** A signed-in buyer's session cookie. */
  cookie: string;
}

export async function benchCatalogue(app: CatalogueApp, config: BenchConfig, log: (line: string) => void): Promise<CatalogueReport> {
  const { CATALOGUE_PAGE_SIZE } = await import("../lib/courses/catalogue");
  const firstPage = `${app.url}/courses`;
  // Warm the pages (first render compiles nothing in production, but fills the data cache).
  for (const url of [firstPage, `${firstPage}?page=2`, `${firstPage}?q=Rust`]) await (await fetch(url)).text();
  const file = path.join(TMP_DIR, "courses.html");
  writeFileSync(file, await (await fetch(firstPage)).text());
  const server = await startStaticServer(file, config.staticPort);
  const searchTerms = distinctSearchTerms(config.courses);
  try {
    log(`Catalogue: ${config.rounds} interleaved rounds of ${config.durationSeconds} s per target, ${config.connections} connections.`);
    const targets: LoadTarget[] = [
      { name: "static file", url: server.url, pids: [server.pid] },
      { name: "/courses", url: firstPage, pids: app.pids },
      { name: "/courses?page=N", url: firstPage, pids: app.pids, nextPath: laterPages(config.courses, CATALOGUE_PAGE_SIZE) },
      { name: "/courses?q=<distinct>", url: firstPage, pids: app.pids, nextPath: searchTerms },
      { name: "/courses signed in", url: firstPage, pids: app.pids, headers: { cookie: app.cookie } },
    ];
    const report = await interleavedRounds(
      targets,
      targets.slice(1).map((target) => [target.name, "static file"] as [string, string]),
      { rounds: config.rounds, seconds: config.durationSeconds, connections: config.connections },
      log,
    );
    return { ...report, staticServer: server.kind, searchTerms: config.courses };
  } finally {
    server.stop();
  }
}
