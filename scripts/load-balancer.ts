// A small round-robin load balancer for the local production-like stack (http-proxy-3 does the
// proxying). An instance that refuses connections is skipped for a few seconds and the request
// goes to the next one: nothing reached the refused instance, so even a POST is safe to resend.
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createProxyServer } from "http-proxy-3";

export interface LoadBalancer {
  url: string;
  close(): Promise<void>;
}

const DOWN_FOR_MS = 3_000;

export async function startLoadBalancer(targets: string[], port: number, host = "127.0.0.1"): Promise<LoadBalancer> {
  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 60_000 });
  const downUntil = new Map<string, number>();
  let next = 0;

  const pick = (skip: Set<string>): string | undefined => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(next + i) % targets.length]!;
      if (skip.has(target) || (downUntil.get(target) ?? 0) > Date.now()) continue;
      next = (next + i + 1) % targets.length;
      return target;
    }
    return targets.find((target) => !skip.has(target));
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, tried: Set<string>) => {
    const target = pick(tried);
    if (!target) {
      res.writeHead(503, { "content-type": "text/plain" }).end("No app instance is answering; try again in a moment.");
      return;
    }
    tried.add(target);
    proxy.web(req, res, { target }, (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNREFUSED" && !res.headersSent) {
        downUntil.set(target, Date.now() + DOWN_FOR_MS);
        forward(req, res, tried);
        return;
      }
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("The app instance failed to answer.");
    });
  };

  const server = http.createServer((req, res) => forward(req, res, new Set()));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// `tsx scripts/load-balancer.ts <port> <target>…`: the balancer as a process of its own (the bench
// keeps it out of the process that makes the load).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port, ...targets] = process.argv.slice(2);
  startLoadBalancer(targets, Number(port)).then((balancer) => {
    console.log(`load balancer on ${balancer.url} → ${targets.join(", ")}`);
    process.on("SIGTERM", () => void balancer.close().then(() => process.exit(0)));
  });
}
