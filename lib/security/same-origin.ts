/**
 * Uploads are route handlers (outside the proxy's checks for form posts), so they check the
 * origin themselves: a browser always sends Origin on a cross-site fetch.
 */
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
