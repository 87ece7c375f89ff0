import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/** One server action as the production build knows it. */
export interface BuiltServerAction {
  id: string;
  file: string;
  exportName: string;
  /** Route of the first page that renders it, e.g. "/admin/orders/[orderId]". */
  page: string;
}

export const actionKey = (file: string, exportName: string) => `${file}#${exportName}`;

function pageRoute(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .join("/");
  return `/${route}`;
}

/** Every server action in `.next/server/server-reference-manifest.json`. */
export function builtServerActions(): BuiltServerAction[] {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename,
    exportName: entry.exportedName,
    page: pageRoute(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}

function filesNamed(directory: string, name: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesNamed(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** The exports of every `app/**\/actions.ts` ("use server" files export only actions). */
export function declaredServerActions(): { file: string; exportName: string }[] {
  return filesNamed("app", "actions.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const names = [...source.matchAll(/^export\s+(?:const|async function|function)\s+(\w+)/gm)].map((match) => match[1]);
    return names.map((exportName) => ({ file: file.split(path.sep).join("/"), exportName }));
  });
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Every route handler: its URL pattern and the HTTP methods its `route.ts` exports. */
export function declaredRouteHandlers(): { route: string; file: string; methods: string[] }[] {
  return filesNamed("app", "route.ts").map((file) => {
    const source = readFileSync(file, "utf8");
    const direct = [...source.matchAll(/^export\s+(?:async\s+)?(?:function|const)\s+([A-Z]+)\b/gm)].map((match) => match[1]);
    const renamed = [...source.matchAll(/^export\s*\{([^}]*)\}/gm)].flatMap((match) =>
      match[1].split(",").map((part) => part.trim().split(/\s+as\s+/).pop() ?? ""),
    );
    const methods = [...direct, ...renamed].filter((name) => HTTP_METHODS.includes(name));
    const route = pageRoute(file.split(path.sep).join("/").replace(/\/route\.ts$/, "/page"));
    return { route, file: file.split(path.sep).join("/"), methods: [...new Set(methods)].sort() };
  });
}

/** How the client calls it: `useActionState` passes (previous state, form data); a direct call passes the form data only. */
export type ActionArgs = "state-and-form" | "form";

export interface ActionAnswer {
  status: number;
  /** Where the action sent the browser (x-action-redirect), if anywhere. */
  redirect?: string;
  /** The value the action returned, when it returned one. */
  result?: { ok?: boolean; error?: string; message?: string; fieldErrors?: Record<string, string[] | undefined>; [key: string]: unknown };
  contentType: string;
  body: string;
}

/** The returned value out of a React Flight answer: row 0 names the row that holds it. */
function flightResult(body: string): ActionAnswer["result"] {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1], match[2]);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    if (!root || typeof root.a !== "string" || !root.a.startsWith("$@")) return undefined;
    const row = rows.get(root.a.slice(2));
    return row ? (JSON.parse(row) as ActionAnswer["result"]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts to a server action the way React's client does: the page's URL, a `Next-Action` header
 * and a multipart body whose row "0" lists the arguments and whose fields carry the form, under
 * the reference's prefix.
 */
export async function callServerAction(
  request: APIRequestContext,
  action: { id: string; page: string },
  fields: Record<string, string> | [string, string][],
  args: ActionArgs = "state-and-form",
  options: { rawRoot?: string; headers?: Record<string, string> } = {},
): Promise<ActionAnswer> {
  // Next.js decodes the body as it streams in, so the fields must come before the root row, as React sends them.
  const multipart = new FormData();
  for (const [name, value] of Array.isArray(fields) ? fields : Object.entries(fields)) multipart.append(`_1_${name}`, value);
  multipart.append("0", options.rawRoot ?? JSON.stringify(args === "state-and-form" ? ["$undefined", "$K1"] : ["$K1"]));
  const response = await request.post(action.page, {
    headers: { "next-action": action.id, accept: "text/x-component", ...options.headers },
    multipart,
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const body = await response.text();
  const contentType = response.headers()["content-type"] ?? "";
  const redirectHeader = response.headers()["x-action-redirect"] ?? response.headers()["location"];
  return {
    status: response.status(),
    redirect: redirectHeader?.split(";")[0],
    result: contentType.includes("text/x-component") ? flightResult(body) : undefined,
    contentType,
    body,
  };
}
