import { env } from "@/lib/env";

/**
 * Where to send someone after login (or any redirect that takes its target from the request):
 * the target is resolved against APP_URL the way a browser would resolve it (tabs and newlines
 * dropped, backslashes read as slashes, "//host" read as another host), and only a target on
 * APP_URL's own origin is kept. Anything else gets the fallback.
 */
export function sameOriginTarget(target: string | null | undefined, fallback = "/courses"): string {
  if (!target) return fallback;
  const origin = new URL(env().APP_URL).origin;
  let resolved: URL;
  try {
    resolved = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (resolved.origin !== origin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
