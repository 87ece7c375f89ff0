import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

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
function callbackUrls(request: Request): string[] {
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
  return [...fromQuery, ...fromCookies];
}

async function handler(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (!ENDPOINTS[request.method]?.includes(nextauth.join("/"))) return plainText("Not found.", 404);
  if (!callbackUrls(request).every(isPathOrHttpUrl)) return plainText("This sign-in link is not valid. Please log in from the login page.", 400);
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
