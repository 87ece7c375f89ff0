import { db } from "@/lib/db";

export async function getAdminOverview() {
  const [byRole, disabled, courses, published] = await Promise.all([
    db.user.groupBy({ by: ["role"], _count: { _all: true } }),
    db.user.count({ where: { disabled: true } }),
    db.course.count(),
    db.course.count({ where: { published: true } }),
  ]);
  const roleCounts = Object.fromEntries(byRole.map((row) => [row.role, row._count._all]));
  return { roleCounts, disabled, courses, published };
}
