// Test harness: the emulator in-process, a merchant page on another origin (a tiny node http
// server serving fixture pages bundled with esbuild at test time) and stripe-node on the emulator.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import Stripe from "stripe";
import { startEmulator } from "../../src/index.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "../../..");

export const FIXTURES = ["payment-element", "card-element", "plain", "scroll-form"] as const;
export type Fixture = (typeof FIXTURES)[number];

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface Harness {
  emulatorUrl: string;
  merchantUrl: string;
  stripe: Stripe;
  publishableKey: string;
  /** Every request the merchant page's origin received. */
  merchantRequests: RecordedRequest[];
  /** Method and path of every API request the emulator has answered so far. */
  emulatorRequests(): Array<{ method: string; path: string }>;
  pageUrl(fixture: Fixture, params: Record<string, string | number | undefined>): string;
  close(): Promise<void>;
}

let bundles: Promise<Map<string, string>> | null = null;

function buildFixtures(): Promise<Map<string, string>> {
  bundles ??= (async () => {
    const result = await esbuild.build({
      absWorkingDir: REPO_ROOT,
      entryPoints: FIXTURES.map((f) => path.join(HERE, "fixtures", `${f}.tsx`)),
      bundle: true,
      write: false,
      outdir: path.join(HERE, ".build", "fixtures"),
      format: "iife",
      platform: "browser",
      target: ["es2020"],
      jsx: "automatic",
      define: { "process.env.NODE_ENV": '"development"' },
      logLevel: "silent",
    });
    return new Map(result.outputFiles.map((f) => [path.basename(f.path, ".js"), f.text]));
  })();
  return bundles;
}

function merchantHtml(emulatorUrl: string, fixture: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Merchant test page: ${fixture}</title>
<script src="${emulatorUrl}/v3/stripe.js"></script>
</head>
<body>
<div id="root"></div>
<script src="/fixtures/${fixture}.js"></script>
</body>
</html>
`;
}

function doneHtml(query: URLSearchParams): string {
  const rows = [...query.entries()].map(([k, v]) => `<li><code data-param="${k}">${v}</code> ${k}</li>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Return page</title></head>
<body><h1>Returned from payment</h1><ul>${rows}</ul></body></html>`;
}

async function startMerchant(emulatorUrl: string, recorded: RecordedRequest[]): Promise<Server> {
  const code = await buildFixtures();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      recorded.push({ method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      const url = new URL(req.url ?? "/", "http://merchant.local");
      const fixtureJs = /^\/fixtures\/([a-z-]+)\.js$/.exec(url.pathname);
      if (fixtureJs && code.has(fixtureJs[1])) {
        res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
        res.end(code.get(fixtureJs[1]));
      } else if (url.pathname === "/" && code.has(url.searchParams.get("fixture") ?? "")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(merchantHtml(emulatorUrl, url.searchParams.get("fixture")!));
      } else if (url.pathname === "/done") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(doneHtml(url.searchParams));
      } else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

export async function startHarness(): Promise<Harness> {
  const emulator = await startEmulator({ port: 0 });
  const emulatorUrl = emulator.url.replace(/\/$/, "");
  const merchantRequests: RecordedRequest[] = [];
  const merchant = await startMerchant(emulatorUrl, merchantRequests);
  // "localhost" for the merchant and 127.0.0.1 for the emulator: two different origins.
  const merchantUrl = `http://localhost:${(merchant.address() as AddressInfo).port}`;
  const stripe = new Stripe("sk_test_browser_tests", { host: "127.0.0.1", port: emulator.port, protocol: "http" });
  const publishableKey = "pk_test_browser_tests";
  return {
    emulatorUrl,
    merchantUrl,
    stripe,
    publishableKey,
    merchantRequests,
    emulatorRequests: () => emulator.emulator.requestLog.map((r) => ({ method: r.method, path: r.path })),
    pageUrl(fixture, params) {
      const q = new URLSearchParams({ fixture, pk: publishableKey });
      for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
      return `${merchantUrl}/?${q}`;
    },
    async close() {
      await new Promise<void>((resolve) => merchant.close(() => resolve()));
      merchant.closeAllConnections();
      await emulator.close();
    },
  };
}
