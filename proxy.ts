import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, stripeOrigins } from "@/lib/security/content-security-policy";
import { progressiveActionProblem, serverActionRequestProblem } from "@/lib/security/server-action-request";
import { storageOrigins } from "@/lib/storage/origins";

/**
 * A fresh nonce per page request: Next.js reads it from the request's CSP header and puts it on
 * its own scripts. Server-action posts (with or without script) that Next.js could not decode
 * are answered here with a 4xx.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "POST") {
    const problem = request.headers.has("next-action") ? await serverActionRequestProblem(request) : await progressiveActionProblem(request);
    if (problem) return new NextResponse(problem.message, { status: problem.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, stripeOrigins(env().stripe.apiUrl), storageOrigins());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
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
