import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

let proxy: typeof import("@/proxy").proxy;

beforeAll(async () => {
  process.env.APP_URL = "https://shop.example";
  process.env.STRIPE_API_URL = "http://127.0.0.1:12111";
  ({ proxy } = await import("@/proxy"));
});

const page = (path: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) => new NextRequest(`https://shop.example${path}`, init);

describe("proxy", () => {
  it("tells browsers to use https only when APP_URL is https", async () => {
    const response = await proxy(page("/courses"));
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}/);
  });

  // These three were answered 500 by Next.js before.
  it.each(["null", ""])("refuses a server-action post with Origin %j with a 403", async (origin) => {
    const response = await proxy(
      page("/register", { method: "POST", headers: { origin, host: "shop.example", "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body: "[]" }),
    );
    expect(response.status).toBe(403);
  });

  it("refuses a path with broken percent-encoding with a 400", async () => {
    const response = await proxy(page("/courses/%E0%A4%A"));
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("This address is not valid.");
  });

  it("refuses a chunked form over 1 MB with a 413 before Next.js reads it", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(97);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 100) return controller.close();
        controller.enqueue(chunk);
      },
    });
    const response = await proxy(
      page("/register", { method: "POST", headers: { origin: "https://shop.example", host: "shop.example", "next-action": "abc", "content-type": "text/plain" }, body, duplex: "half" } as never),
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(40);
  });

  it("lets a same-origin page through", async () => {
    const response = await proxy(page("/courses/intro%20course"));
    expect(response.status).toBe(200);
  });
});
