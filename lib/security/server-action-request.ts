// Next.js answers 500 to a server-action request it cannot decode (a broken argument list, an
// oversized body, a cross-site origin). This check runs first and answers such requests with a
// 4xx and a sentence instead, so a bad request never looks like a crash of the app.

import { BODY_LIMIT_BYTES, BodyTooLarge, readBodyWithin } from "./body-limit";

/** Next.js's default `serverActions.bodySizeLimit`, the app's limit for every body. */
export const SERVER_ACTION_BODY_LIMIT = BODY_LIMIT_BYTES;

export interface RequestProblem {
  status: number;
  message: string;
}

const UNREADABLE: RequestProblem = { status: 400, message: "This form could not be read. Please reload the page and try again." };
const TOO_LARGE: RequestProblem = { status: 413, message: "This form is too large to send." };
const CROSS_SITE: RequestProblem = { status: 403, message: "This form was sent from another site." };

/**
 * A copy of the body, read no further than the limit (a chunked body declares no length).
 * The copy is what the checks parse; Next.js reads the original after them.
 */
async function boundedCopy(request: Request): Promise<Response | RequestProblem> {
  try {
    const bytes = await readBodyWithin(request.clone());
    return new Response(Buffer.from(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } });
  } catch (error) {
    if (error instanceof BodyTooLarge) return TOO_LARGE;
    return UNREADABLE;
  }
}

/**
 * A post from a page of another site, or from an opaque origin (`Origin: null` from a sandboxed
 * frame or a data: URL, or an empty Origin), is refused here; Next.js would answer it with a 500.
 * A request without Origin (an old browser, a script) is left to Next.js's own checks.
 */
export function crossSiteProblem(request: Request): RequestProblem | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let originHost: string | null = null;
  try {
    originHost = origin && origin !== "null" ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  return host && originHost === host ? null : CROSS_SITE;
}

/** Strings React writes in an argument list: plain text ("$" escaped as "$$"), undefined, and a FormData reference. */
function isArgumentValue(value: unknown): boolean {
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$") || value === "$undefined" || /^\$K[0-9a-f]+$/.test(value);
  if (Array.isArray(value)) return value.every(isArgumentValue);
  if (value && typeof value === "object") return Object.values(value).every(isArgumentValue);
  return true;
}

/** Busboy, which Next.js decodes with, refuses part names with control characters, and fails with a 500. */
function formProblem(form: FormData): RequestProblem | null {
  for (const name of form.keys()) if (/[\u0000-\u001f\u007f]/.test(name)) return UNREADABLE;
  return argumentListProblem(form.get("0"));
}

function argumentListProblem(root: unknown): RequestProblem | null {
  if (typeof root !== "string") return UNREADABLE;
  try {
    const parsed: unknown = JSON.parse(root);
    return Array.isArray(parsed) && isArgumentValue(parsed) ? null : UNREADABLE;
  } catch {
    return UNREADABLE;
  }
}

/**
 * A form posted without script: `$ACTION_<n>:0` names the action and its bound arguments' row,
 * `$ACTION_<n>:<i>` holds those arguments.
 */
function progressiveFormProblem(form: FormData): RequestProblem | null {
  for (const [name, value] of form.entries()) {
    const row = /^\$ACTION_\d+:(\d+)$/.exec(name);
    if (!row) continue;
    if (typeof value !== "string") return UNREADABLE;
    if (row[1] !== "0") {
      const problem = argumentListProblem(value);
      if (problem) return problem;
      continue;
    }
    try {
      const reference = JSON.parse(value) as { id?: unknown; bound?: unknown } | null;
      const bound = reference?.bound;
      if (typeof reference?.id !== "string" || !(bound === null || (typeof bound === "string" && /^\$@[0-9a-f]+$/.test(bound)))) return UNREADABLE;
    } catch {
      return UNREADABLE;
    }
  }
  return null;
}

/** Null when a page's multipart post without script looks like what React renders. */
export async function progressiveActionProblem(request: Request): Promise<RequestProblem | null> {
  const copy = await boundedCopy(request);
  if (!(copy instanceof Response)) return copy;
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return null;
  try {
    return progressiveFormProblem(await copy.formData());
  } catch {
    return UNREADABLE;
  }
}

/** Null when the request looks like what React's client sends for a server action. */
export async function serverActionRequestProblem(request: Request): Promise<RequestProblem | null> {
  const copy = await boundedCopy(request);
  if (!(copy instanceof Response)) return copy;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) return formProblem(await copy.formData());
    if (type.startsWith("text/plain")) return argumentListProblem(await copy.text());
  } catch {
    return UNREADABLE;
  }
  return { status: 415, message: "This form could not be read. Please reload the page and try again." };
}
