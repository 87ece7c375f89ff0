import "./support/test-database";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { listAuditPage, parseAuditFilters } from "@/lib/audit/admin-audit";
import { db } from "@/lib/db";
import { makeUser } from "./support/factories";
import { signInAs } from "./support/signed-in";

vi.mock("@/lib/auth/current-user", () => import("./support/signed-in"));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, updateTag: () => undefined }));

type User = Awaited<ReturnType<typeof makeUser>>;
const signIn = (user: User | null) => {
  signInAs(user);
};

async function submit(name: "changeRoleAction" | "setDisabledAction", fields: Record<string, string>) {
  const actions = await import("@/app/admin/users/actions");
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return actions[name](undefined, form);
}

let admin: User;
beforeEach(async () => {
  admin = await makeUser("admin");
  signIn(admin);
});

describe("auditing user administration", () => {
  it("a role change is recorded with who, before and after; saving the same role records nothing", async () => {
    const buyer = await makeUser("buyer");
    expect(await submit("changeRoleAction", { userId: buyer.id, role: "seller" })).toMatchObject({ ok: true });
    expect(await submit("changeRoleAction", { userId: buyer.id, role: "seller" })).toMatchObject({ ok: true });
    const rows = await db.auditLog.findMany({ where: { action: "user.role_changed", details: { contains: buyer.id } } });
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(admin.id);
    expect(JSON.parse(rows[0].details)).toEqual({ userId: buyer.id, email: buyer.email, before: "buyer", after: "seller" });
    expect((await db.user.findUniqueOrThrow({ where: { id: buyer.id } })).role).toBe("seller");
  });

  it("disabling and enabling are recorded", async () => {
    const buyer = await makeUser("buyer");
    await submit("setDisabledAction", { userId: buyer.id, disabled: "true" });
    await submit("setDisabledAction", { userId: buyer.id, disabled: "false" });
    const rows = await db.auditLog.findMany({ where: { details: { contains: buyer.id } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => row.action)).toEqual(["user.disabled", "user.enabled"]);
    const page = await listAuditPage(parseAuditFilters({ action: "user.disabled" }));
    expect(page.entries.every((entry) => entry.action === "user.disabled")).toBe(true);
    expect(page.entries.some((entry) => entry.details.includes(buyer.id))).toBe(true);
  });

  it("a non-admin's call changes nothing and records nothing", async () => {
    const target = await makeUser("buyer");
    for (const user of [await makeUser("buyer"), await makeUser("seller"), null]) {
      signIn(user);
      expect((await submit("changeRoleAction", { userId: target.id, role: "admin" })).error).toMatch(/log in|not allowed/);
      expect((await submit("setDisabledAction", { userId: target.id, disabled: "true" })).error).toMatch(/log in|not allowed/);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ role: "buyer", disabled: false });
    expect(await db.auditLog.count({ where: { details: { contains: target.id } } })).toBe(0);
  });

  it("an unknown user is refused and not audited", async () => {
    expect(await submit("changeRoleAction", { userId: "no-such-user", role: "seller" })).toMatchObject({ error: "That user no longer exists." });
    expect(await db.auditLog.count({ where: { details: { contains: "no-such-user" } } })).toBe(0);
  });
});
