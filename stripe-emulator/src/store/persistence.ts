// Saves the whole emulator state to a JSON file and loads it back (a demo survives a restart).
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Emulator, IdempotentEntry, OAuthGrant } from "../core/emulator.js";
import type { WebhookTargetConfig } from "../core/options.js";
import type { StoreSnapshot } from "./store.js";

interface SavedState {
  format: "stripe-emulator-state/1";
  saved_at: number;
  clock_offset_seconds: number;
  platform_account_id: string;
  store: StoreSnapshot;
  idempotency: Array<[string, IdempotentEntry]>;
  oauth_grants: OAuthGrant[];
  refresh_tokens: Array<[string, string]>;
  webhook_targets: WebhookTargetConfig[] | null;
}

export function serializeState(emu: Emulator, configTargetsOverride: WebhookTargetConfig[] | null): SavedState {
  return {
    format: "stripe-emulator-state/1",
    saved_at: Math.floor(Date.now() / 1000),
    clock_offset_seconds: emu.clock.offsetSeconds,
    platform_account_id: emu.platformAccountId,
    store: emu.store.snapshot(),
    idempotency: [...emu.idempotency],
    oauth_grants: [...emu.oauthGrants.values()],
    refresh_tokens: [...emu.refreshTokens],
    webhook_targets: configTargetsOverride,
  };
}

export function saveState(emu: Emulator, file: string, configTargetsOverride: WebhookTargetConfig[] | null): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(serializeState(emu, configTargetsOverride)));
  renameSync(tmp, file);
}

/** Loads a saved state; returns the webhook targets saved with it (set through the control API), if any. */
export function loadState(emu: Emulator, file: string): { loaded: boolean; webhookTargets: WebhookTargetConfig[] | null } {
  if (!existsSync(file)) return { loaded: false, webhookTargets: null };
  const saved = JSON.parse(readFileSync(file, "utf8")) as SavedState;
  if (saved.format !== "stripe-emulator-state/1") throw new Error(`${file} is not a Stripe emulator state file`);
  emu.store.restore(saved.store);
  emu.clock.offsetSeconds = saved.clock_offset_seconds;
  emu.platformAccountId = saved.platform_account_id;
  emu.idempotency.clear();
  for (const [k, v] of saved.idempotency) emu.idempotency.set(k, v);
  emu.oauthGrants.clear();
  for (const g of saved.oauth_grants) emu.oauthGrants.set(g.code, g);
  emu.refreshTokens.clear();
  for (const [k, v] of saved.refresh_tokens) emu.refreshTokens.set(k, v);
  return { loaded: true, webhookTargets: saved.webhook_targets };
}
