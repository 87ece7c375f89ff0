import type { Metadata } from "next";
import { ChangeHistory } from "@/components/admin/change-history";
import { PlatformSettingsForm } from "@/components/admin/platform-settings-form";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/guards";
import { formatBasisPoints } from "@/lib/money";
import { CHARGE_TYPE_LABELS, getPlatformSettings } from "@/lib/settings/platform-settings";
import { getViewerFormat } from "@/lib/locale/viewer";
import { updatePlatformSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Platform settings" };
export const dynamic = "force-dynamic";

function basisPointsToPercent(basisPoints: number): string {
  return formatBasisPoints(basisPoints).replace(/ %$/, "");
}

function describeChange(details: Record<string, unknown>): string {
  const before = details.before as { feeBasisPoints?: number; chargeType?: string } | undefined;
  const after = details.after as { feeBasisPoints?: number; chargeType?: string } | undefined;
  if (!before || !after) return "";
  const parts: string[] = [];
  if (before.feeBasisPoints !== after.feeBasisPoints && typeof before.feeBasisPoints === "number" && typeof after.feeBasisPoints === "number") {
    parts.push(`fee ${formatBasisPoints(before.feeBasisPoints)} → ${formatBasisPoints(after.feeBasisPoints)}`);
  }
  if (before.chargeType !== after.chargeType) parts.push(`charges ${before.chargeType} → ${after.chargeType}`);
  return parts.length ? parts.join(", ") : "saved the defaults from configuration";
}

export default async function PlatformSettingsPage() {
  await requireRole("admin", "/admin/settings");
  const fmt = await getViewerFormat();
  const [settings, history] = await Promise.all([
    getPlatformSettings(),
    listAuditEntries({ action: "platform_settings.updated", take: 20 }),
  ]);
  return (
    <>
      <h1 className="page-title">Platform settings</h1>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">
        Now: {formatBasisPoints(settings.feeBasisPoints)} fee, {CHARGE_TYPE_LABELS[settings.chargeType].toLowerCase()}
        {settings.saved ? "." : " (defaults from configuration; nothing saved yet)."} A seller or course with its own fee (<a href="/admin/fees">fees</a>) keeps it.
        Changes apply to orders made afterwards; an unpaid order made under the old settings is replaced when the buyer pays.
      </p>
      <PlatformSettingsForm
        action={updatePlatformSettingsAction}
        initial={{ feePercent: basisPointsToPercent(settings.feeBasisPoints), chargeType: settings.chargeType }}
      />
      <ChangeHistory entries={history} describe={(entry) => describeChange(entry.details)} testId="settings-history" fmt={fmt} />
    </>
  );
}
