import { TEST_DATABASE_PROVIDER } from "./support/test-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ADMIN_ORDERS_PAGE_SIZE, adminOrdersHref, listAdminOrders, parseAdminOrderFilters } from "@/lib/orders/admin-orders";
import { makeCourse, makeUser } from "./support/factories";

// Enough rows for SQLite's planner to show its choices (the plan test below); the filters are
// checked on PostgreSQL with fewer, since its bulk inserts through Prisma cost more time.
const ORDERS = TEST_DATABASE_PROVIDER === "postgresql" ? 4_000 : 20_000;
const DAY = 86_400_000;
const START = Date.parse("2026-01-01T00:00:00Z");
const STATUSES = ["paid", "pending", "canceled", "refunded"] as const;
let sellers: Array<{ id: string }>;

// Many orders, written cheaply in one statement per batch: order i is made on day i % 100, by
// seller i % 2, with status STATUSES[i % 4].
beforeAll(async () => {
  sellers = [await makeUser("seller"), await makeUser("seller")];
  const courses = [await makeCourse(sellers[0].id), await makeCourse(sellers[1].id)];
  const buyer = await makeUser("buyer");
  for (let offset = 0; offset < ORDERS; offset += 5_000) {
    await db.order.createMany({
      data: Array.from({ length: Math.min(5_000, ORDERS - offset) }, (_, n) => {
        const i = offset + n;
        return {
          buyerId: buyer.id,
          courseId: courses[i % 2].id,
          sellerId: sellers[i % 2].id,
          amountMinor: 1999,
          currency: "usd",
          status: STATUSES[i % 4],
          idempotencyKey: `bulk-${i}`,
          createdAt: new Date(START + (i % 100) * DAY + i),
        };
      }),
    });
  }
}, 120_000);

describe("admin order list", () => {
  it("filters by status, seller and date range together and pages through them newest first", async () => {
    const all = await listAdminOrders(parseAdminOrderFilters({}));
    expect(all.total).toBeGreaterThanOrEqual(ORDERS);
    expect(all.orders).toHaveLength(ADMIN_ORDERS_PAGE_SIZE);

    // Seller 0 has the even i; "paid" is i % 4 == 0; days 10..19 inclusive.
    const filters = parseAdminOrderFilters({ status: "paid", seller: sellers[0].id, from: "2026-01-11", to: "2026-01-20" });
    const expected = Array.from({ length: ORDERS }, (_, i) => i).filter((i) => i % 4 === 0 && i % 100 >= 10 && i % 100 <= 19);
    const first = await listAdminOrders(filters);
    expect(first.total).toBe(expected.length);
    expect(first.pageCount).toBe(Math.ceil(expected.length / ADMIN_ORDERS_PAGE_SIZE));

    const seen: string[] = [];
    for (let page = 1; page <= first.pageCount; page += 1) {
      const { orders } = await listAdminOrders({ ...filters, page });
      for (const order of orders) {
        expect(order).toMatchObject({ status: "paid", seller: { id: sellers[0].id } });
        expect(order.createdAt.getTime()).toBeGreaterThanOrEqual(Date.parse("2026-01-11T00:00:00Z"));
        expect(order.createdAt.getTime()).toBeLessThan(Date.parse("2026-01-21T00:00:00Z"));
      }
      seen.push(...orders.map((order) => order.id));
    }
    expect(new Set(seen).size).toBe(expected.length);
    const times = (await db.order.findMany({ where: { id: { in: seen } }, select: { id: true, createdAt: true } })).reduce(
      (map, row) => map.set(row.id, row.createdAt.getTime()),
      new Map<string, number>(),
    );
    const ordered = seen.map((id) => times.get(id)!);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
  });

  it("filters by dispute outcome, or any order that was ever disputed", async () => {
    const [lost, won] = await db.order.findMany({ where: { status: "paid" }, orderBy: { createdAt: "asc" }, take: 2, select: { id: true } });
    await db.order.update({ where: { id: lost.id }, data: { disputeStatus: "lost", disputeAmountMinor: 1999 } });
    await db.order.update({ where: { id: won.id }, data: { disputeStatus: "won", disputeAmountMinor: 1999 } });
    const ids = async (dispute: string) => (await listAdminOrders(parseAdminOrderFilters({ dispute }))).orders.map((order) => order.id);
    expect(await ids("lost")).toEqual([lost.id]);
    expect(await ids("won")).toEqual([won.id]);
    expect(await ids("open")).toEqual([]);
    expect((await ids("any")).sort()).toEqual([lost.id, won.id].sort());
    expect(parseAdminOrderFilters({ dispute: "maybe" })).toEqual({ page: 1 });
    expect(adminOrdersHref({ dispute: "lost" })).toBe("/admin/orders?dispute=lost");
  });

  it("ignores malformed filters instead of failing, and keeps filters in page links", () => {
    expect(parseAdminOrderFilters({ status: "stolen", from: "2026-13-45", to: "yesterday", page: "-3", seller: "" })).toEqual({ page: 1 });
    expect(adminOrdersHref({ status: "paid", seller: "u1", from: "2026-01-01", page: 3 })).toBe("/admin/orders?status=paid&seller=u1&from=2026-01-01&page=3");
  });

  // SQLite's query plans; PostgreSQL's planner picks by table statistics, not by shape.
  it.skipIf(TEST_DATABASE_PROVIDER === "postgresql")("uses an index for every filter combination, never a full scan and sort", async () => {
    const plans: Record<string, string> = {
      none: `SELECT id FROM "Order" ORDER BY createdAt DESC, id DESC LIMIT 25`,
      status: `SELECT id FROM "Order" WHERE status = 'paid' ORDER BY createdAt DESC, id DESC LIMIT 25`,
      seller: `SELECT id FROM "Order" WHERE sellerId = 'x' ORDER BY createdAt DESC, id DESC LIMIT 25`,
      both: `SELECT id FROM "Order" WHERE sellerId = 'x' AND status = 'paid' AND createdAt >= 0 ORDER BY createdAt DESC, id DESC LIMIT 25`,
      count: `SELECT COUNT(*) FROM "Order" WHERE sellerId = 'x' AND status = 'paid' AND createdAt >= 0`,
      dispute: `SELECT id FROM "Order" WHERE disputeStatus = 'lost' ORDER BY createdAt DESC, id DESC LIMIT 25`,
      everDisputed: `SELECT id FROM "Order" WHERE disputeStatus IS NOT NULL ORDER BY createdAt DESC, id DESC LIMIT 25`,
    };
    for (const [name, sql] of Object.entries(plans)) {
      const rows = await db.$queryRawUnsafe<Array<{ detail: string }>>(`EXPLAIN QUERY PLAN ${sql}`);
      const plan = rows.map((row) => row.detail).join(" | ");
      expect(plan, name).toMatch(/USING (COVERING )?INDEX Order_/);
      expect(plan, name).not.toMatch(/(^| )SCAN "?Order"?( \||$)/);
      // Ties on createdAt are put in id order within the index's order ("LAST TERM"), never a whole sort.
      expect(plan, name).not.toContain("USE TEMP B-TREE FOR ORDER BY");
    }
  });
});
