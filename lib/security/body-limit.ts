/** The largest body any route of the app reads: forms, webhooks, sign-in posts. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  constructor() {
    super("request body over the limit");
  }
}

export const TOO_LARGE_MESSAGE = "This request is too large.";

/** True when the declared Content-Length is already over the limit (nothing needs to be read). */
export function declaresTooLarge(request: Request, limit = BODY_LIMIT_BYTES): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && Number(declared) > limit;
}

/**
 * Reads the body as text, refusing it once it passes the limit: first by its Content-Length,
 * then, for a chunked body that declares none (or a wrong one), while it streams in, so an
 * oversized body is never held in memory whole.
 */
export async function readBodyWithin(request: Request, limit = BODY_LIMIT_BYTES): Promise<Uint8Array> {
  if (declaresTooLarge(request, limit)) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only when the other is cancelled too.
      reader.cancel().catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function tooLargeResponse(): Response {
  return new Response(TOO_LARGE_MESSAGE, { status: 413, headers: { "content-type": "text/plain; charset=utf-8", connection: "close" } });
}
