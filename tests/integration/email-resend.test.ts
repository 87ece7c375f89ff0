import "./support/test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resendFailedEmail } from "@/lib/email/resend-email";
import { makeUser } from "./support/factories";

async function outboxEmail(status: string) {
  return db.outboxEmail.create({
    data: {
      dedupeKey: `resend-test:${status}:${Math.random()}`,
      kind: "sale",
      toAddress: "buyer@test.example",
      subject: "Your receipt",
      textBody: "Thank you",
      status,
      attempts: status === "failed" ? 10 : 0,
      lastError: status === "failed" ? "550 Mailbox unavailable" : null,
    },
  });
}

describe("an admin sends a failed email again", () => {
  it("queues it with fresh attempts and records who did it", async () => {
    const admin = await makeUser("admin");
    const email = await outboxEmail("failed");
    expect(await resendFailedEmail(admin.id, email.id)).toEqual({ ok: true, toAddress: "buyer@test.example" });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "queued", attempts: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "email.resent", actorId: admin.id } });
    expect(JSON.parse(audit.details)).toMatchObject({ emailId: email.id, lastError: "550 Mailbox unavailable" });
  });

  it("leaves queued and sent email alone, so a second click queues nothing twice", async () => {
    const admin = await makeUser("admin");
    const failed = await outboxEmail("failed");
    await resendFailedEmail(admin.id, failed.id);
    expect(await resendFailedEmail(admin.id, failed.id)).toEqual({ ok: false, message: "This email is not failed: it is already queued or sent." });
    const sent = await outboxEmail("sent");
    expect((await resendFailedEmail(admin.id, sent.id)).ok).toBe(false);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("sent");
    expect(await db.auditLog.count({ where: { action: "email.resent", actorId: admin.id } })).toBe(1);
  });

  it("refuses an unknown email", async () => {
    const admin = await makeUser("admin");
    expect(await resendFailedEmail(admin.id, "nosuchemail")).toEqual({ ok: false, message: "There is no such email." });
  });
});
