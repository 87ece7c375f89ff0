import type { Metadata } from "next";
import { ChangeHistory } from "@/components/admin/change-history";
import { FieldsForm } from "@/components/fields-form";
import { PlatformSettingsForm } from "@/components/admin/platform-settings-form";
import { listAuditEntries } from "@/lib/audit/audit-log";
import { requireRole } from "@/lib/auth/guards";
import { formatBasisPoints } from "@/lib/money";
import { getMerchantDetails } from "@/lib/settings/merchant-details";
import { CHARGE_TYPE_LABELS, getPlatformSettings } from "@/lib/settings/platform-settings";
import { getViewerFormat } from "@/lib/locale/viewer";
import { updateMerchantDetailsAction, updatePlatformSettingsAction } from "./actions";

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

function describeMerchantChange(details: Record<string, unknown>): string {
  const after = details.after as { name?: string; addressLines?: string[] } | undefined;
  return after ? `${after.name ?? ""}${after.addressLines?.length ? `, ${after.addressLines.join(", ")}` : ""}` : "";
}

export default async function PlatformSettingsPage() {
  await requireRole("admin", "/admin/settings");
  const fmt = await getViewerFormat();
  const [settings, history, merchant, merchantHistory] = await Promise.all([
    getPlatformSettings(),
    listAuditEntries({ action: "platform_settings.updated", take: 20 }),
    getMerchantDetails(),
    listAuditEntries({ action: "merchant_details.updated", take: 10 }),
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
      <h2 className="mb-2 mt-8 text-xl font-semibold">Merchant on receipts and emails</h2>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">
        Printed on every receipt (page, print-out and PDF) and in the footer of every email
        {merchant.saved ? "." : " (now from MERCHANT_NAME and MERCHANT_ADDRESS in the configuration; nothing saved yet)."}
      </p>
      <FieldsForm
        id="merchant"
        className="card max-w-2xl"
        action={updateMerchantDetailsAction}
        fields={[
          { name: "merchantName", label: "Name", autoComplete: "organization", defaultValue: merchant.name },
          { name: "merchantAddress", label: "Address", rows: 4, hint: "One line per line, as it should be printed.", defaultValue: merchant.addressLines.join("\n") },
        ]}
        submitLabel="Save merchant details"
        pendingLabel="Saving…"
      />
      <ChangeHistory entries={merchantHistory} describe={(entry) => describeMerchantChange(entry.details)} testId="merchant-history" fmt={fmt} />
    </>
  );
}
