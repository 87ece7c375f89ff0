import { recordAudit } from "@/lib/audit/audit-log";
import { db } from "@/lib/db";
import { env, type ChargeType } from "@/lib/env";

export const CHARGE_TYPES = ["destination", "direct"] as const satisfies readonly ChargeType[];

export const CHARGE_TYPE_LABELS: Record<ChargeType, string> = {
  destination: "Destination charges",
  direct: "Direct charges",
};

export interface PlatformSettings {
  feeBasisPoints: number;
  chargeType: ChargeType;
  /** False until an admin saved them: the values come from configuration. */
  saved: boolean;
  updatedAt: Date | null;
}

const SETTINGS_ID = 1;

function isChargeType(value: string): value is ChargeType {
  return (CHARGE_TYPES as readonly string[]).includes(value);
}

export async function getPlatformSettings(): Promise<PlatformSettings> {
  const row = await db.platformSettings.findUnique({ where: { id: SETTINGS_ID } });
  const defaults = env().platformDefaults;
  if (!row) return { ...defaults, saved: false, updatedAt: null };
  return {
    feeBasisPoints: row.feeBasisPoints,
    chargeType: isChargeType(row.chargeType) ? row.chargeType : defaults.chargeType,
    saved: true,
    updatedAt: row.updatedAt,
  };
}

export interface SettingsChange {
  feeBasisPoints: number;
  chargeType: ChargeType;
}

/** Saves the settings and an audit record of what changed, together. Returns whether anything changed. */
export async function updatePlatformSettings(actorId: string, change: SettingsChange): Promise<boolean> {
  const defaults = env().platformDefaults;
  // Read inside the transaction, so the audit's "before" is what this save replaced even when
  // two admins save at once.
  return db.$transaction(async (tx) => {
    const row = await tx.platformSettings.findUnique({ where: { id: SETTINGS_ID } });
    const before = row ? { feeBasisPoints: row.feeBasisPoints, chargeType: row.chargeType } : defaults;
    if (row && before.feeBasisPoints === change.feeBasisPoints && before.chargeType === change.chargeType) return false;
    await tx.platformSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...change, updatedById: actorId },
      update: { ...change, updatedById: actorId },
    });
    await recordAudit(
      { actorId, action: "platform_settings.updated", details: { before: { ...before, fromConfiguration: !row }, after: change } },
      tx,
    );
    return true;
  });
}
