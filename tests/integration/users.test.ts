import "./support/test-database";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { setCoursePublished } from "@/lib/courses/seller-courses";
import { db } from "@/lib/db";
import { courseAccess } from "@/lib/membership/course-access";
import { courseForReader } from "@/lib/lessons/content-access";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { registerUser, registrationSchema } from "@/lib/users/registration";
import { changeUserRole, listUsers, setUserDisabled } from "@/lib/users/user-admin";
import { makeCourse, makeUser } from "./support/factories";

describe("registration", () => {
  it("creates a buyer with an argon2id hash, never the password", async () => {
    const input = registrationSchema.parse({ name: "Reg", email: "  Reg@Example.COM ", password: "correct horse" });
    const result = await registerUser(input, "203.0.113.1");
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "reg@example.com" } });
    expect(user.role).toBe("buyer");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("correct horse");
    expect(await verifyPassword(user.passwordHash, "correct horse")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong")).toBe(false);
  });

  // Failed on the old code, which answered { ok: false, emailTaken: true } and told anyone the address was registered.
  it("answers a taken address exactly as a new one, and emails the address's owner instead", async () => {
    const input = registrationSchema.parse({ name: "Twice", email: "twice@example.com", password: "password-1" });
    const first = await registerUser(input, "203.0.113.2");
    const second = await registerUser({ ...input, name: "Intruder", password: "another-password" }, "203.0.113.3");
    expect(second).toEqual(first);
    const owner = await db.user.findUniqueOrThrow({ where: { email: "twice@example.com" } });
    expect(owner.name).toBe("Twice");
    expect(await verifyPassword(owner.passwordHash, "password-1")).toBe(true);
    expect(await db.user.count({ where: { email: "twice@example.com" } })).toBe(1);
    // The first registration's "confirm your address" link, then the note to the owner.
    const mail = await db.outboxEmail.findMany({ where: { toAddress: "twice@example.com" }, orderBy: { createdAt: "asc" } });
    expect(mail.map((row) => row.subject)).toEqual(["Confirm your email address", "Someone tried to sign up with your email address"]);
    mail.shift();
    expect(mail[0]).toMatchObject({ kind: "account", subject: "Someone tried to sign up with your email address" });
    expect(mail[0].textBody).toContain("nothing was created");
  });

  // Failed on the old code: registration had no limit at all.
  it("limits sign-ups per email and per address, counted before the account is made", async () => {
    const input = registrationSchema.parse({ name: "Many", email: "many@example.com", password: "password-1" });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => registerUser(input, `198.51.100.${i}`)));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.retryAfterSeconds > 0)).toBe(true);
    const fromOneAddress = await Promise.all(
      Array.from({ length: 35 }, (_, i) => registerUser({ ...input, email: `addr-${i}@example.com` }, "192.0.2.50")),
    );
    expect(fromOneAddress.filter((a) => a.ok)).toHaveLength(30);
    expect(await db.user.count({ where: { email: { startsWith: "addr-" } } })).toBe(30);
  });

  it.each([
    [{ name: "", email: "a@b.co", password: "password-1" }, "name"],
    [{ name: "A", email: "not-an-email", password: "password-1" }, "email"],
    [{ name: "A", email: "a@b.co", password: "short" }, "password"],
  ])("rejects %j", (raw, field) => {
    const result = registrationSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });
});

describe("user administration", () => {
  it("demoting a seller unpublishes their courses and keeps everything else; promotion back restores their controls", async () => {
    const admin = await makeUser("admin");
    const seller = await makeUser("seller");
    const published = await makeCourse(seller.id);
    const draft = await makeCourse(seller.id, { published: false });
    await db.sellerAccount.create({ data: { userId: seller.id, stripeAccountId: `acct_${seller.id.slice(0, 10)}`, chargesEnabled: true, detailsSubmitted: true } });

    expect(await changeUserRole(admin.id, seller.id, "buyer")).toEqual({ ok: true });
    expect(await db.course.findMany({ where: { sellerId: seller.id }, select: { id: true, published: true }, orderBy: { id: "asc" } })).toEqual(
      [published, draft].map((course) => ({ id: course.id, published: false })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await db.sellerAccount.findUnique({ where: { userId: seller.id } })).toMatchObject({ stripeAccountId: `acct_${seller.id.slice(0, 10)}` });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.role_changed", details: { contains: seller.id } } });
    expect(JSON.parse(audit.details)).toMatchObject({ before: "seller", after: "buyer", unpublishedCourseIds: [published.id] });
    // Not for sale any more, even by a direct call.
    const buyer = await makeUser("buyer");
    expect(await startCoursePurchase(buyer.id, { courseId: published.id, expectedAmountMinor: published.priceMinor, expectedCurrency: "usd", expectedChargeType: "destination" })).toMatchObject({ ok: false, reason: "not-for-sale" });

    expect(await changeUserRole(admin.id, seller.id, "seller")).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: seller.id } })).role).toBe("seller");
    expect(await setCoursePublished(seller.id, published.id, true)).toBe("ok");
  });

  it("members cannot open a disabled seller's included courses, and can again once the seller is enabled", async () => {
    const admin = await makeUser("admin");
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id);
    await db.course.update({ where: { id: course.id }, data: { includedInMembership: true } });
    const member = await makeUser("buyer");
    await db.membership.create({ data: { userId: member.id, status: "active", stripeSubscriptionId: `sub_${member.id}` } });
    expect((await courseAccess(member.id, course.id)).membership).toBe(true);

    expect(await setUserDisabled(admin.id, seller.id, true)).toEqual({ ok: true });
    expect((await courseAccess(member.id, course.id)).membership).toBe(false);
    expect(await courseForReader({ id: member.id, role: "buyer" }, course.slug)).toMatchObject({ access: { membership: false, purchased: false } });

    expect(await setUserDisabled(admin.id, seller.id, false)).toEqual({ ok: true });
    expect((await courseAccess(member.id, course.id)).membership).toBe(true);
  });

  it("disabling keeps every row and can be undone", async () => {
    const admin = await makeUser("admin");
    const seller = await makeUser("seller");
    await makeCourse(seller.id);
    expect(await setUserDisabled(admin.id, seller.id, true)).toEqual({ ok: true });
    const disabled = await db.user.findUniqueOrThrow({ where: { id: seller.id }, include: { courses: true } });
    expect(disabled.disabled).toBe(true);
    expect(disabled.courses).toHaveLength(1);
    expect(await setUserDisabled(admin.id, seller.id, false)).toEqual({ ok: true });
  });

  it("an admin cannot demote or disable themselves, and unknown users are reported", async () => {
    const admin = await makeUser("admin");
    expect((await changeUserRole(admin.id, admin.id, "buyer")).ok).toBe(false);
    expect((await setUserDisabled(admin.id, admin.id, true)).ok).toBe(false);
    expect(await changeUserRole(admin.id, "no-such-user", "seller")).toEqual({ ok: false, message: "That user no longer exists." });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("searches by email or name", async () => {
    const user = await makeUser("buyer");
    const byEmail = await listUsers({ search: user.email.slice(0, 14) });
    expect(byEmail.users.map((u) => u.id)).toContain(user.id);
    const byName = await listUsers({ search: user.name });
    expect(byName.users.map((u) => u.id)).toEqual([user.id]);
  });
});
