import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** This process, as a lease holder: unique across the instances of a deployment. */
export const THIS_INSTANCE = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/**
 * Takes or renews the named lease for `ttlMs`: true when this holder has it now. The update is
 * conditional (free, expired or already ours), so of two instances asking at once one wins, and
 * an instance that died loses the lease when it expires.
 */
export async function acquireLease(name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const taken = await db.jobLease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up early (a stopping instance), so another can take it at once. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: new Date(0) } });
}
