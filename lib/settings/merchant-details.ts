import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { env, type Merchant } from "@/lib/env";

export interface MerchantSettings extends Merchant {
  /** False until an admin saved them: the values come from MERCHANT_NAME and MERCHANT_ADDRESS. */
  saved: boolean;
}

const MERCHANT_ID = 1;

function toLines(address: string): string[] {
  return address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The merchant named on receipts and in every email's footer. */
export async function getMerchantDetails(): Promise<MerchantSettings> {
  const row = await db.merchantDetails.findUnique({ where: { id: MERCHANT_ID } });
  if (!row) return { ...env().merchant, saved: false };
  return { name: row.name, addressLines: toLines(row.address), saved: true };
}

export interface MerchantChange {
  name: string;
  /** One line of the address per line. */
  address: string;
}

/** Saves the details with an audit record of what changed, together. Returns whether anything changed. */
export async function updateMerchantDetails(actorId: string, change: MerchantChange): Promise<boolean> {
  const after = { name: change.name, addressLines: toLines(change.address) };
  return db.$transaction(async (tx) => {
    const row = await tx.merchantDetails.findUnique({ where: { id: MERCHANT_ID } });
    const before = row ? { name: row.name, addressLines: toLines(row.address) } : env().merchant;
    if (row && JSON.stringify(before) === JSON.stringify(after)) return false;
    const data = { name: after.name, address: after.addressLines.join("\n"), updatedById: actorId };
    await tx.merchantDetails.upsert({ where: { id: MERCHANT_ID }, create: { id: MERCHANT_ID, ...data }, update: data });
    await recordAudit({ actorId, action: "merchant_details.updated", details: { before: { ...before, fromConfiguration: !row }, after } }, tx);
    return true;
  });
}
