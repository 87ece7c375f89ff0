import { db } from "@/lib/db";
import type { ConnectionSnapshot } from "./connection-status";

export interface SellerConnection extends ConnectionSnapshot {
  connectedVia: string | null;
  payoutsEnabled: boolean;
}

export async function getSellerConnection(userId: string): Promise<SellerConnection | null> {
  const row = await db.sellerAccount.findUnique({
    where: { userId },
    select: {
      stripeAccountId: true,
      connectedVia: true,
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      requirementsDue: true,
      disconnectedAt: true,
    },
  });
  if (!row) return null;
  return { ...row, requirementsDue: parseRequirements(row.requirementsDue) };
}

export function parseRequirements(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}
