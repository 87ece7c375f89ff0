import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, stripeOrigins } from "@/lib/security/content-security-policy";
import { crossSiteProblem, progressiveActionProblem, serverActionRequestProblem, type RequestProblem } from "@/lib/security/server-action-request";
import { storageOrigins } from "@/lib/storage/origins";

const HSTS = "max-age=63072000; includeSubDomains";

function plainProblem({ message, status }: RequestProblem): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** A path Next.js cannot decode (a lone "%" or a broken UTF-8 sequence) would end in a 500. */
function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A fresh nonce per page request: Next.js reads it from the request's CSP header and puts it on
 * its own scripts. Server-action posts (with or without script) that Next.js could not decode,
 * posts from other or opaque origins, and paths with broken percent-encoding are answered here
 * with a 4xx. On https, browsers are told to use nothing else (HSTS).
 */
export async function proxy(request: NextRequest) {
  const { APP_URL, stripe } = env();
  if (hasMalformedEncoding(request.nextUrl.pathname)) return plainProblem({ status: 400, message: "This address is not valid." });
  if (request.method === "POST") {
    const problem =
      crossSiteProblem(request) ??
      (request.headers.has("next-action") ? await serverActionRequestProblem(request) : await progressiveActionProblem(request));
    if (problem) return plainProblem(problem);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, stripeOrigins(stripe.apiUrl), storageOrigins());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (APP_URL.startsWith("https://")) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
