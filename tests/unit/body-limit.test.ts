import { describe, expect, it } from "vitest";
import { BodyTooLarge, readBodyWithin } from "@/lib/security/body-limit";

/** A chunked body with no Content-Length: `chunks` chunks of `size` bytes, counting what was pulled. */
function streamed(chunks: number, size: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size));
    },
  });
  const request = new Request("http://app.test/api/stripe/webhook", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBodyWithin", () => {
  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    // A body that never arrives: reading any of it would hang the test.
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const declared = new Request("http://app.test/api/stripe/webhook", {
      method: "POST",
      body,
      duplex: "half",
      headers: { "content-length": String(256 * 1024 * 1024) },
    } as RequestInit);
    await expect(readBodyWithin(declared, 1024)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it("stops a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(10_000, 64 * 1024);
    await expect(readBodyWithin(request, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLarge);
    expect(pulled()).toBeLessThan(20);
  });

  it("reads a body within the limit whole", async () => {
    const body = "x".repeat(1000);
    const bytes = await readBodyWithin(new Request("http://app.test/", { method: "POST", body }), 1000);
    expect(Buffer.from(bytes).toString("utf8")).toBe(body);
  });
});
