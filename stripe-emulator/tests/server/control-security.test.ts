// The control API drives the emulator (reset, clock, faults, webhook targets): no other web
// origin may call it from a browser, and it never hands out the webhook signing secrets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/index.js";
import { call, start } from "./helpers.js";

const SECRET = "whsec_control_security_never_served";
let emu: RunningEmulator;

beforeAll(async () => {
  ({ emu } = await start({ webhookEndpoints: [{ url: "http://127.0.0.1:9/hook", secret: SECRET }] }));
});
afterAll(async () => {
  await emu.close();
});

describe("the control API", () => {
  // Both failed before: every answer carried Access-Control-Allow-Origin: *, and GET webhook_targets listed the secrets.
  it("answers no cross-origin request: no CORS headers on /_emulator/*, also for a preflight", async () => {
    const preflight = await fetch(`${emu.url}/_emulator/reset`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    for (const path of ["/_emulator/config", "/_emulator/webhook_targets", "/_emulator/clock"]) {
      const answer = await fetch(`${emu.url}${path}`, { headers: { origin: "https://evil.example" } });
      expect(answer.headers.get("access-control-allow-origin"), path).toBeNull();
    }
    // The API that Stripe.js calls from the merchant's page stays open to it.
    const api = await fetch(`${emu.url}/v1/payment_methods`, { method: "OPTIONS", headers: { origin: "http://localhost:3000" } });
    expect(api.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("never serves a webhook signing secret", async () => {
    for (const path of ["/_emulator/webhook_targets", "/_emulator/config"]) {
      const answer = await call(emu, "GET", path);
      expect(answer.status, path).toBe(200);
      expect(answer.text, path).not.toContain(SECRET);
      expect(answer.text, path).not.toMatch(/whsec_/);
    }
    const targets = await call(emu, "GET", "/_emulator/webhook_targets");
    expect(targets.body.data).toEqual([expect.objectContaining({ url: "http://127.0.0.1:9/hook", connect: false })]);
  });
});
