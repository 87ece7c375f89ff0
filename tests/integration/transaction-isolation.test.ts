import "./support/test-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "./support/factories";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("one request's transaction and another request's queries", () => {
  it("a write made while another transaction is open survives that transaction's rollback", async () => {
    const buyer = await makeUser("buyer");
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: buyer.id }, data: { name: "renamed, then rolled back" } });
        await pause(150);
        throw new Error("the refund failed");
      })
      .catch((error: Error) => error.message);
    await pause(20);
    const other = await makeUser("seller");

    expect(await failing).toBe("the refund failed");
    expect(await db.user.findUnique({ where: { id: other.id } })).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).name).toBe(buyer.name);
  });

  it("a read made while another transaction is open never sees its uncommitted writes", async () => {
    const buyer = await makeUser("buyer");
    const failing = db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: buyer.id }, data: { name: "never committed" } });
        await pause(150);
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await pause(20);
    const seen = (await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).name;
    await failing;
    expect(seen).toBe(buyer.name);
  });
});
