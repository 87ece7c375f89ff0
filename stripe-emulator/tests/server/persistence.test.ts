import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../src/index.js";
import { call, stripeFor } from "./helpers.js";

const dir = mkdtempSync(path.join(tmpdir(), "stripe-emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("state file", () => {
  it("keeps objects, the clock and idempotency keys across a restart", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await startEmulator({ port: 0, stateFile });
    const s1 = stripeFor(first);
    const c = await s1.customers.create({ email: "persist@example.com" }, { idempotencyKey: "persist-1" });
    await call(first, "POST", "/_emulator/clock/advance", { json: { seconds: 3600 } });
    const clock = (await call(first, "GET", "/_emulator/clock")).body;
    await first.close();

    const second = await startEmulator({ port: 0, stateFile });
    const s2 = stripeFor(second);
    expect((await s2.customers.retrieve(c.id)) as { email: string }).toMatchObject({ email: "persist@example.com" });
    const replay = await s2.customers.create({ email: "persist@example.com" }, { idempotencyKey: "persist-1" });
    expect(replay.id).toBe(c.id);
    expect((await call(second, "GET", "/_emulator/clock")).body.offset_seconds).toBe(clock.offset_seconds);
    await call(second, "POST", "/_emulator/reset");
    await expect(s2.customers.retrieve(c.id)).rejects.toMatchObject({ statusCode: 404 });
    await second.close();
  });

  it("saves on demand through the control API", async () => {
    const emu = await startEmulator({ port: 0 });
    const target = path.join(dir, "manual.json");
    await stripeFor(emu).customers.create({});
    const saved = await call(emu, "POST", "/_emulator/state/save", { json: { file: target } });
    expect(saved.body.saved).toBe(target);
    await emu.close();
  });
});
