// Catalogue throughput: /courses (first page) and a search under autocannon, then the same page's
// HTML saved to a file and served by a static server, so the app reads as a share of a file.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { TMP_DIR, type BenchConfig } from "./config";
import { processTreeCpuMs } from "./process-cpu";

export interface LoadFigures {
  target: string;
  url: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  bytesPerRequest: number;
  /** CPU time of the serving process(es) per request: steadier than requests/s on a busy machine. */
  serverCpuMsPerRequest: number | null;
}

export interface CatalogueReport {
  connections: number;
  durationSeconds: number;
  staticServer: string;
  pages: LoadFigures[];
  /** Requests/s of each app page divided by the static file's. */
  ratioToStatic: Record<string, number>;
}

export const SEARCH_TERM = "Rust";

/**
 * Each request's path, for targets that must miss the catalogue's data cache: every request asks
 * for another page or another word, so the database answers each one.
 */
type PathFor = (request: number) => string;

async function load(target: string, url: string, config: BenchConfig, serverPid: number, pathFor?: PathFor): Promise<LoadFigures> {
  const cpuBefore = processTreeCpuMs(serverPid);
  let sent = 0;
  const requests: autocannon.Request[] | undefined = pathFor ? [{ setupRequest: (request) => ({ ...request, path: pathFor(sent++) }) }] : undefined;
  const result = await autocannon({ url, connections: config.connections, duration: config.durationSeconds, requests });
  const cpuAfter = processTreeCpuMs(serverPid);
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    target,
    url,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    errors,
    bytesPerRequest: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    serverCpuMsPerRequest:
      cpuBefore === null || cpuAfter === null || result.requests.total === 0
        ? null
        : Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 100) / 100,
  };
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

export async function benchCatalogue(appUrl: string, appPid: number, config: BenchConfig, log: (line: string) => void): Promise<CatalogueReport> {
  const firstPage = `${appUrl}/courses`;
  const search = `${appUrl}/courses?q=${SEARCH_TERM}`;
  // Warm both pages (first render compiles nothing in production, but fills the data cache).
  for (const url of [firstPage, search]) await (await fetch(url)).text();

  const pages: LoadFigures[] = [];
  log(`Catalogue: ${config.connections} connections for ${config.durationSeconds} s per target.`);
  pages.push(await load("/courses", firstPage, config, appPid));
  pages.push(await load(`/courses?q=${SEARCH_TERM}`, search, config, appPid));
  // Issue 16: search and filters at scale, each request a different query (no cache hits).
  // "course" is in every generated description (a common word: every course matches, ranked);
  // a generated title's number is in one course only (a rare word).
  const spread = Math.max(1, config.courses);
  const uncached: Array<[string, PathFor]> = [
    ["search, common word, page n (uncached)", (n) => `/courses?q=course&page=${(n % 500) + 1}`],
    ["search, rare word (uncached)", (n) => `/courses?q=${((n * 7919) % spread) + 1}`],
    ["filtered + sorted, page n (uncached)", (n) => `/courses?membership=1&currency=usd&min=10&max=80&sort=price-asc&page=${(n % 500) + 1}`],
  ];
  for (const [target, pathFor] of uncached) pages.push(await load(target, `${appUrl}${pathFor(0)}`, config, appPid, pathFor));

  const file = path.join(TMP_DIR, "courses.html");
  writeFileSync(file, await (await fetch(firstPage)).text());
  const server = await startStaticServer(file, config.staticPort);
  try {
    pages.push(await load("/courses as a static file", server.url, config, server.pid));
  } finally {
    server.stop();
  }
  const staticRps = pages[pages.length - 1].requestsPerSecond;
  return {
    connections: config.connections,
    durationSeconds: config.durationSeconds,
    staticServer: server.kind,
    pages,
    ratioToStatic: Object.fromEntries(pages.slice(0, 2).map((page) => [page.target, Math.round((page.requestsPerSecond / staticRps) * 1000) / 1000])),
  };
}
