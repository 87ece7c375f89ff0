import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { loginAttemptKeys } from "@/lib/auth/authenticate";
import { secondsUntilAllowed } from "@/lib/auth/attempt-limits";
import { authOptions, TOO_MANY_ATTEMPTS } from "@/lib/auth/options";
import { BodyTooLarge, readBodyWithin, tooLargeResponse } from "@/lib/security/body-limit";
import { clientAddress } from "@/lib/security/client-address";

type Context = { params: Promise<{ nextauth: string[] }> };

// Only what the login form, the logout button and next-auth's client call. next-auth answers
// other paths with a 500 or a raw error text, so they end here as a plain 404.
const ENDPOINTS: Record<string, string[]> = {
  GET: ["csrf", "session", "providers", "signin", "signout", "error"],
  POST: ["callback/credentials", "signin/credentials", "signout", "_log"],
};
const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

function plainText(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function isPathOrHttpUrl(value: string): boolean {
  if (value.startsWith("/")) return true;
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** next-auth treats a callback URL it cannot parse as a broken configuration and answers 500. */
function callbackUrls(request: Request, form: URLSearchParams | null): string[] {
  const fromQuery = new URL(request.url).searchParams.getAll("callbackUrl");
  const fromCookies = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .filter(([name]) => CALLBACK_COOKIES.includes(name))
    .map(([, ...value]) => {
      try {
        return decodeURIComponent(value.join("="));
      } catch {
        return value.join("=");
      }
    });
  return [...fromQuery, ...fromCookies, ...(form?.getAll("callbackUrl") ?? [])];
}

/** A refused login answers 429 with Retry-After; the body is still what next-auth's client reads. */
async function withRetryAfter(response: Response, email: string, address: string): Promise<Response> {
  if (response.status !== 401 || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const body = (await response.clone().json()) as { url?: string };
  if (!body.url || new URL(body.url, "http://x").searchParams.get("error") !== TOO_MANY_ATTEMPTS) return response;
  const waits = await Promise.all(loginAttemptKeys(email, address).map(([limit, key]) => secondsUntilAllowed(limit, key)));
  const headers = new Headers(response.headers);
  headers.set("retry-after", String(Math.max(1, ...waits)));
  return new Response(response.body, { status: 429, headers });
}

async function handler(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  const endpoint = nextauth.join("/");
  if (!ENDPOINTS[request.method]?.includes(endpoint)) return plainText("Not found.", 404);

  let body: Uint8Array | null = null;
  if (request.method === "POST") {
    try {
      body = await readBodyWithin(request);
    } catch (error) {
      if (error instanceof BodyTooLarge) return tooLargeResponse();
      throw error;
    }
  }
  const form = body && (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(Buffer.from(body).toString("utf8")) : null;
  if (!callbackUrls(request, form).every(isPathOrHttpUrl)) return plainText("This sign-in link is not valid. Please log in from the login page.", 400);

  // next-auth reads the body again: hand it the bytes already read (and checked for size).
  const forwarded = body ? new NextRequest(request.url, { method: request.method, headers: request.headers, body: Buffer.from(body) }) : request;
  const response = await NextAuth(authOptions())(forwarded, context);
  if (endpoint !== "callback/credentials") return response;
  return withRetryAfter(response, form?.get("email") ?? "", clientAddress(request.headers));
}

export { handler as GET, handler as POST };
