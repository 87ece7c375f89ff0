// A small method + path-pattern router implementing the Router contract.
import type { Handler, RouteParams, Router } from "./types.js";

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class PathRouter implements Router {
  private readonly table: Route[] = [];

  add(method: string, pattern: string, handler: Handler): void {
    this.table.push({ method: method.toUpperCase(), segments: split(pattern), handler });
  }

  /** Every registered route (for the API description generator and the README table). */
  routes(): Array<{ method: string; pattern: string }> {
    return this.table.map((r) => ({ method: r.method, pattern: `/${r.segments.join("/")}` }));
  }

  /** Finds the handler for a request; `methodMismatch` tells a 405 from a 404. */
  match(method: string, path: string): { handler: Handler; params: RouteParams } | null {
    const parts = split(path);
    let best: { handler: Handler; params: RouteParams; score: number } | null = null;
    for (const route of this.table) {
      if (route.method !== method.toUpperCase() && !(route.method === "GET" && method === "HEAD")) continue;
      if (route.segments.length !== parts.length) continue;
      const params: RouteParams = {};
      let score = 0;
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const seg = route.segments[i];
        if (seg.startsWith(":")) {
          params[seg.slice(1)] = decodeURIComponent(parts[i]);
        } else if (seg === parts[i]) {
          score += 1;
        } else {
          ok = false;
          break;
        }
      }
      // Literal segments win over parameters ("/v1/payment_methods/pm_x" vs ".../:id/attach").
      if (ok && (!best || score > best.score)) best = { handler: route.handler, params, score };
    }
    return best ? { handler: best.handler, params: best.params } : null;
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}
