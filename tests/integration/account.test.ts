import "./support/test-database";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { activeSessionUser, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/email/deliver-outbox";
import type { OutgoingEmail } from "@/lib/email/smtp-transport";
import { getMerchantDetails, updateMerchantDetails } from "@/lib/settings/merchant-details";
import { deleteAccount, deletionBlockers } from "@/lib/users/account-deletion";
import { changePassword } from "@/lib/users/account-settings";
import { hashToken, issueToken, TOKEN_PROBLEM_MESSAGES } from "@/lib/users/account-tokens";
import { confirmEmail, EMAIL_TAKEN, requestEmailChange, resendVerificationLink } from "@/lib/users/email-verification";
import { requestPasswordReset, resetPassword } from "@/lib/users/password-reset";
import { registerUser } from "@/lib/users/registration";
import { setUserDisabled } from "@/lib/users/user-admin";
import { makeCourse, makeUser } from "./support/factories";

const PASSWORD = "old-password-1";
const HOUR = 60 * 60 * 1000;

async function userWithPassword(role: "buyer" | "seller" | "admin" = "buyer") {
  const user = await makeUser(role);
  return db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

/** The token in the newest queued email to the address, as the owner would click it. */
async function linkTokenSentTo(email: string): Promise<string> {
  const row = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email }, orderBy: { createdAt: "desc" } });
  return /token=([A-Za-z0-9_-]+)/.exec(row.textBody)![1];
}

const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("email links (tokens)", () => {
  it("stores only the SHA-256 of a random token, and a new link replaces the old one", async () => {
    const user = await makeUser();
    const first = await issueToken(user.id, "password_reset", user.email);
    const second = await issueToken(user.id, "password_reset", user.email);
    const rows = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(hashToken(second.token));
    expect(JSON.stringify(rows)).not.toContain(second.token);
    expect(second.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await resetPassword(first.token, "new-password-1")).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.invalid });
  });

  it("a reset link works once, within the hour, and ends every session; expired, reused and forged links change nothing", async () => {
    const user = await userWithPassword();
    const now = new Date();
    const sessions = [await startSession(user.id, 0), await startSession(user.id, 0)];
    const expired = await issueToken(user.id, "password_reset", user.email, new Date(now.getTime() - HOUR - 1000));
    expect(await resetPassword(expired.token, "new-password-1")).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.expired });
    expect(await resetPassword("forged-token-forged-token-forged-token-xx", "new-password-1")).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.invalid });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    const { token } = await issueToken(user.id, "password_reset", user.email, now);
    expect(await resetPassword(token, "new-password-1", new Date(now.getTime() + HOUR - 1000))).toEqual({ ok: true });
    for (const id of sessions) expect(await activeSessionUser(id, user.id)).toBeNull();
    expect((await authenticate({ email: user.email, password: "new-password-1" }, ip())).ok).toBe(true);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await resetPassword(token, "third-password-1")).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.used });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(after.passwordHash);
  });

  it("'send me a link' answers the same for any address, mails only real accounts, and is throttled per email and per address", async () => {
    const user = await makeUser();
    const address = ip();
    expect(await requestPasswordReset(user.email, address)).toEqual({ ok: true });
    expect(await requestPasswordReset(`nobody-${randomUUID()}@test.example`, address)).toEqual({ ok: true });
    expect(await db.outboxEmail.count({ where: { toAddress: user.email, dedupeKey: { contains: "password_reset" } } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { subject: "Choose a new password", toAddress: { startsWith: "nobody-" } } })).toBe(0);

    await requestPasswordReset(user.email, ip());
    await requestPasswordReset(user.email, ip());
    const throttled = await requestPasswordReset(user.email, ip());
    expect(throttled.ok).toBe(false);
    // Per address too: many emails from one network.
    const network = ip();
    const answers = [];
    for (let n = 0; n < 21; n += 1) answers.push(await requestPasswordReset(`someone-${n}-${randomUUID()}@test.example`, network));
    expect(answers.slice(0, 20).every((answer) => answer.ok)).toBe(true);
    expect(answers[20].ok).toBe(false);
  });
});

describe("email verification and change", () => {
  it("registration sends a verification link; it confirms the address once; resending is throttled", async () => {
    const email = `new-${randomUUID().slice(0, 8)}@test.example`;
    expect(await registerUser({ name: "New Person", email, password: "long-enough-1" }, ip())).toEqual({ ok: true, outcome: "received" });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    const first = await linkTokenSentTo(email);
    expect((await resendVerificationLink(user.id)).ok).toBe(true);
    const token = await linkTokenSentTo(email);
    expect(token).not.toBe(first);
    expect(await confirmEmail(first)).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.invalid });
    expect(await confirmEmail(token)).toEqual({ ok: true, email, changed: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    expect(await confirmEmail(token)).toEqual({ ok: false, message: TOKEN_PROBLEM_MESSAGES.used });
    expect(await resendVerificationLink(user.id)).toEqual({ ok: false, message: "Your email address is already confirmed." });

    const other = await makeUser();
    for (let n = 0; n < 3; n += 1) expect((await resendVerificationLink(other.id)).ok).toBe(true);
    expect((await resendVerificationLink(other.id)).message).toMatch(/try again in \d+ minutes?/);
  });

  it("an email change takes effect only from the new address's link; a taken address changes nothing", async () => {
    const user = await userWithPassword();
    const taken = await makeUser();
    expect(await requestEmailChange(user.id, taken.email, PASSWORD)).toEqual({ ok: false, message: EMAIL_TAKEN });
    expect(await requestEmailChange(user.id, "fresh@test.example", "wrong-password")).toMatchObject({ ok: false });
    expect(await db.accountToken.count({ where: { userId: user.id } })).toBe(0);

    const wanted = `moved-${randomUUID().slice(0, 8)}@test.example`;
    expect((await requestEmailChange(user.id, wanted, PASSWORD)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const token = await linkTokenSentTo(wanted);
    expect(await confirmEmail(token)).toEqual({ ok: true, email: wanted, changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: wanted });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "user.email_changed" } })).toBe(1);

    // Someone else registers the address between the request and the click: nothing changes, the link stays unused.
    const race = `race-${randomUUID().slice(0, 8)}@test.example`;
    await requestEmailChange(user.id, race, PASSWORD);
    const raceToken = await linkTokenSentTo(race);
    await db.user.create({ data: { email: race, name: "Quick", passwordHash: "x" } });
    expect(await confirmEmail(raceToken)).toEqual({ ok: false, message: EMAIL_TAKEN });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(wanted);
    expect(await db.accountToken.count({ where: { userId: user.id, usedAt: null, purpose: "email_change" } })).toBe(1);
  });
});

describe("password change", () => {
  it("asks the current password and ends every other session, keeping this one", async () => {
    const user = await userWithPassword();
    const here = await startSession(user.id, 0);
    const elsewhere = await startSession(user.id, 0);
    expect(await changePassword(user.id, "not-it", "new-password-1", here)).toEqual({ ok: false, message: "Your current password is not right." });
    expect(await activeSessionUser(elsewhere, user.id)).not.toBeNull();
    expect(await changePassword(user.id, PASSWORD, "new-password-1", here)).toEqual({ ok: true });
    expect(await activeSessionUser(here, user.id)).not.toBeNull();
    expect(await activeSessionUser(elsewhere, user.id)).toBeNull();
  });
});

describe("account deletion", () => {
  it("a payment still processing blocks deletion with a message and changes nothing", async () => {
    const buyer = await userWithPassword();
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id);
    await db.order.create({
      data: { buyerId: buyer.id, courseId: course.id, sellerId: seller.id, amountMinor: 1000, currency: "usd", idempotencyKey: randomUUID(), paymentProcessingAt: new Date() },
    });
    const result = await deleteAccount(buyer.id, PASSWORD);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(/payment of yours is still processing/);
    expect(await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).toMatchObject({ email: buyer.email, deletedAt: null });
  });

  it("a seller with published courses or a connected Stripe account is told what to do first", async () => {
    const seller = await makeUser("seller");
    await makeCourse(seller.id, { published: true });
    await db.sellerAccount.create({ data: { userId: seller.id, stripeAccountId: `acct_${randomUUID().slice(0, 8)}` } });
    const blockers = await deletionBlockers(seller.id);
    expect(blockers.join(" ")).toMatch(/1 published course\. Unpublish it/);
    expect(blockers.join(" ")).toMatch(/Disconnect it on your seller page first/);
    expect((await deletionBlockers((await makeUser("admin")).id)).join(" ")).toMatch(/Admin accounts cannot be deleted/);
  });

  it("removes personal data, keeps orders and audit rows, and the account can never log in again", async () => {
    const buyer = await userWithPassword();
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id);
    const order = await db.order.create({
      data: { buyerId: buyer.id, courseId: course.id, sellerId: seller.id, amountMinor: 1000, currency: "usd", idempotencyKey: randomUUID(), status: "paid", paidAt: new Date() },
    });
    const session = await startSession(buyer.id, 0);
    await issueToken(buyer.id, "email_verification", buyer.email);
    expect(await deleteAccount(buyer.id, "wrong-password")).toMatchObject({ ok: false });
    expect(await deleteAccount(buyer.id, PASSWORD)).toEqual({ ok: true });
    const row = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(row).toMatchObject({ name: "Deleted user", email: `deleted-${buyer.id}@deleted.invalid`, disabled: true });
    expect(row.deletedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(buyer.email);
    expect(await db.order.findUnique({ where: { id: order.id } })).toMatchObject({ buyerId: buyer.id, amountMinor: 1000 });
    expect(await db.auditLog.count({ where: { actorId: buyer.id, action: "user.deleted" } })).toBe(1);
    expect(await activeSessionUser(session, buyer.id)).toBeNull();
    expect(await db.accountToken.count({ where: { userId: buyer.id } })).toBe(0);
    expect((await authenticate({ email: buyer.email, password: PASSWORD }, ip())).ok).toBe(false);
    expect(await requestPasswordReset(buyer.email, ip())).toEqual({ ok: true });
    expect(await db.accountToken.count({ where: { userId: buyer.id } })).toBe(0);
    // An admin cannot bring it back to life.
    expect(await setUserDisabled((await makeUser("admin")).id, buyer.id, false)).toMatchObject({ ok: false });
    expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).disabled).toBe(true);
  });
});

describe("emails as HTML", () => {
  it("sends each email as HTML in the one layout with a plain-text alternative, the merchant from settings in both; a sent link is not kept", async () => {
    const admin = await makeUser("admin");
    const before = await getMerchantDetails();
    expect(before.saved).toBe(false);
    expect(await updateMerchantDetails(admin.id, { name: "Acme Learning Ltd", address: "1 Main Street\n\nSpringfield 12345" })).toBe(true);
    expect(await updateMerchantDetails(admin.id, { name: "Acme Learning Ltd", address: "1 Main Street\nSpringfield 12345" })).toBe(false);
    expect(await db.auditLog.count({ where: { actorId: admin.id, action: "merchant_details.updated" } })).toBe(1);
    expect(await getMerchantDetails()).toEqual({ name: "Acme Learning Ltd", addressLines: ["1 Main Street", "Springfield 12345"], saved: true });

    const user = await makeUser();
    await requestPasswordReset(user.email, ip());
    const sent: OutgoingEmail[] = [];
    await deliverDueEmails({ sender: { send: async (email) => void sent.push(email), close: () => {} } });
    const reset = sent.find((email) => email.to === user.email)!;
    expect(reset.html).toMatch(/^<!DOCTYPE html/);
    expect(reset.html).toContain("Choose a new password</span>");
    expect(reset.html).toMatch(/href="http[^"]+\/reset-password\?token=[A-Za-z0-9_-]{43}"/);
    expect(reset.html).toContain("Acme Learning Ltd");
    expect(reset.html).toContain("Springfield 12345");
    expect(reset.html).toContain('name="viewport"');
    expect(reset.text).toMatch(/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(reset.text).toContain("1 Main Street\nSpringfield 12345");
    const stored = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: user.email } });
    expect(stored.status).toBe("sent");
    expect(stored.textBody).not.toMatch(/token=[A-Za-z0-9_-]{43}/);
  });
});
