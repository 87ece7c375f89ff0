import "./support/test-database";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { feeForCourse, listFeeOverrides, setCourseFee, setSellerFee } from "@/lib/fees/platform-fees";
import { chargePlanFor } from "@/lib/orders/charge-plan";
import { updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "./support/factories";

let admin: { id: string };
beforeAll(async () => {
  admin = await makeUser("admin");
  await updatePlatformSettings(admin.id, { feeBasisPoints: 1000, chargeType: "destination" });
});

async function auditOf(action: string) {
  const rows = await db.auditLog.findMany({ where: { action }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ actorId: row.actorId, ...JSON.parse(row.details) }));
}

describe("platform fees set by admins", () => {
  it("applies the course's fee over the seller's over the platform's, each change audited", async () => {
    const seller = await makeUser("seller");
    const course = await makeCourse(seller.id, { priceMinor: 4900 });
    const current = async () => feeForCourse((await db.course.findUniqueOrThrow({ where: { id: course.id } })));

    expect(await current()).toEqual({ basisPoints: 1000, source: "platform" });
    expect(await setSellerFee(admin.id, seller.email, 1500)).toEqual({ ok: true, changed: true });
    expect(await current()).toEqual({ basisPoints: 1500, source: "seller" });
    expect(await setCourseFee(admin.id, course.slug, 750)).toEqual({ ok: true, changed: true });
    expect(await current()).toEqual({ basisPoints: 750, source: "course" });
    expect(await setCourseFee(admin.id, course.slug, 750)).toEqual({ ok: true, changed: false });
    expect(await setCourseFee(admin.id, course.slug, null)).toEqual({ ok: true, changed: true });
    expect(await current()).toEqual({ basisPoints: 1500, source: "seller" });

    // What a purchase would charge follows the same rule: 15 % of 49.00.
    const plan = chargePlanFor({ priceMinor: 4900, feeBasisPoints: null }, { feeBasisPoints: 1000, chargeType: "destination" }, "acct_x", 1500);
    expect(plan.applicationFeeMinor).toBe(735);

    const overrides = await listFeeOverrides();
    expect(overrides.sellers.find((row) => row.seller.email === seller.email)?.feeBasisPoints).toBe(1500);
    expect(await auditOf("fee.seller_override")).toContainEqual({ actorId: admin.id, sellerId: seller.id, email: seller.email, before: null, after: 1500 });
    const courseAudit = (await auditOf("fee.course_override")).filter((entry) => entry.courseId === course.id);
    expect(courseAudit.map((entry) => [entry.before, entry.after])).toEqual([
      [null, 750],
      [750, null],
    ]);

    expect(await setSellerFee(admin.id, seller.email, null)).toEqual({ ok: true, changed: true });
    expect(await current()).toEqual({ basisPoints: 1000, source: "platform" });
  });

  it("refuses unknown sellers and courses, and a fee for someone who is not a seller, changing nothing", async () => {
    const buyer = await makeUser("buyer");
    const before = await db.auditLog.count();
    expect(await setSellerFee(admin.id, "nobody@test.example", 500)).toEqual({ ok: false, message: "No user has that email address." });
    expect(await setSellerFee(admin.id, buyer.email, 500)).toEqual({ ok: false, message: "That user is not a seller." });
    expect(await setCourseFee(admin.id, "no-such-course", 500)).toEqual({ ok: false, message: "No course has that address." });
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.sellerFeeOverride.count({ where: { sellerId: buyer.id } })).toBe(0);
  });
});

describe("the migration that takes the fee away from sellers", () => {
  it("clears the per-course fees sellers had set and keeps everything else", () => {
    const file = path.resolve("tests/.tmp", `fee-migration-${process.pid}.db`);
    rmSync(file, { force: true });
    const sqlite = new Database(file);
    const folders = readdirSync("prisma/migrations").filter((name) => /^\d{14}_/.test(name)).sort();
    const ours = folders.indexOf("20261202010000_platform_fee_overrides");
    expect(ours).toBeGreaterThan(0);
    const apply = (folder: string) => sqlite.exec(readFileSync(path.join("prisma/migrations", folder, "migration.sql"), "utf8"));
    folders.slice(0, ours).forEach(apply);
    sqlite.exec(`INSERT INTO "User" (id, email, name, passwordHash, role, updatedAt) VALUES ('u1', 's@x', 'S', 'h', 'seller', 0)`);
    sqlite.exec(`INSERT INTO "Course" (id, slug, title, description, priceMinor, currency, feeBasisPoints, sellerId, updatedAt)
      VALUES ('c1', 'zero-fee', 'Zero', 'd', 4900, 'usd', 0, 'u1', 0), ('c2', 'no-fee', 'None', 'd', 1999, 'usd', NULL, 'u1', 0)`);
    apply(folders[ours]!);
    expect(sqlite.prepare(`SELECT id, priceMinor, feeBasisPoints FROM "Course" ORDER BY id`).all()).toEqual([
      { id: "c1", priceMinor: 4900, feeBasisPoints: null },
      { id: "c2", priceMinor: 1999, feeBasisPoints: null },
    ]);
    sqlite.close();
    rmSync(file, { force: true });
  });
});
