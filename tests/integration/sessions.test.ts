import "./support/test-database";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { activeSessionUser, endAllSessions, endSession, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { setUserDisabled } from "@/lib/users/user-admin";
import { hashPassword } from "@/lib/auth/password";
import { makeUser } from "./support/factories";

async function userWithPassword(password: string) {
  const user = await makeUser("buyer");
  return db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
}

describe("sessions", () => {
  // Failed on the old code: a session cookie only named the user, so nothing could end it.
  it("logging out ends that session only; the user's other sessions go on", async () => {
    const user = await makeUser("buyer");
    const laptop = await startSession(user.id, 0);
    const phone = await startSession(user.id, 0);
    await endSession(laptop);
    expect(await activeSessionUser(laptop, user.id)).toBeNull();
    expect(await activeSessionUser(phone, user.id)).toMatchObject({ id: user.id, role: "buyer" });
  });

  it("ending all sessions (log out everywhere, a password change) ends every one, even one written during the change", async () => {
    const user = await makeUser("buyer");
    const before = [await startSession(user.id, 0), await startSession(user.id, 0)];
    await endAllSessions(user.id);
    // A login that read the old version before the bump and wrote its row after it.
    const late = await startSession(user.id, 0);
    for (const id of [...before, late]) expect(await activeSessionUser(id, user.id)).toBeNull();
    const fresh = await startSession(user.id, 1);
    expect(await activeSessionUser(fresh, user.id)).not.toBeNull();
  });

  it("disabling a user ends their sessions, and enabling them again does not bring those back", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("seller");
    const session = await startSession(user.id, 0);
    expect((await setUserDisabled(admin.id, user.id, true)).ok).toBe(true);
    expect(await activeSessionUser(session, user.id)).toBeNull();
    expect((await setUserDisabled(admin.id, user.id, false)).ok).toBe(true);
    expect(await activeSessionUser(session, user.id)).toBeNull();
  });

  it("a session names one user: its id with another user's id is refused", async () => {
    const [a, b] = [await makeUser("buyer"), await makeUser("buyer")];
    const session = await startSession(a.id, 0);
    expect(await activeSessionUser(session, b.id)).toBeNull();
  });
});

describe("login attempts", () => {
  // Failed on the old code: 13 of 15 concurrent guesses were checked against a limit of 10.
  it("15 concurrent wrong passwords for one email: at most 10 are verified, the rest refused with a wait", async () => {
    const user = await userWithPassword("the-right-password");
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => authenticate({ email: user.email, password: `wrong-${i}` }, `203.0.113.${i}`)),
    );
    const verified = results.filter((r) => !r.ok && r.reason === "invalid");
    const throttled = results.filter((r) => !r.ok && r.reason === "throttled");
    expect(verified.length).toBeLessThanOrEqual(10);
    expect(verified.length + throttled.length).toBe(15);
    for (const r of throttled) expect(!r.ok && r.reason === "throttled" && r.retryAfterSeconds).toBeGreaterThan(0);
    // The right password is refused too until the window passes.
    expect(await authenticate({ email: user.email, password: "the-right-password" }, "203.0.113.99")).toMatchObject({ ok: false, reason: "throttled" });
  });

  // Failed on the old code: there was no per-address limit.
  it("one address guessing across many emails is stopped after 100 failures", async () => {
    const address = "198.51.100.77";
    for (let i = 0; i < 100; i++) expect((await authenticate({ email: `nobody-${i}@example.com`, password: "guess" }, address)).ok).toBe(false);
    const user = await userWithPassword("the-right-password");
    expect(await authenticate({ email: user.email, password: "the-right-password" }, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate({ email: user.email, password: "the-right-password" }, "198.51.100.78")).toMatchObject({ ok: true });
  });

  it("a success clears the email's failures, so a person who mistypes a few times is not locked out later", async () => {
    const user = await userWithPassword("the-right-password");
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++) await authenticate({ email: user.email, password: "typo" }, "192.0.2.10");
      expect(await authenticate({ email: user.email, password: "the-right-password" }, "192.0.2.10")).toMatchObject({ ok: true });
    }
    expect(await db.rateLimiterFlexible.count({ where: { key: { contains: user.email } } })).toBe(0);
  });
});
