// Control API for tests and demos under /_emulator/ (no authentication: bind to localhost).
import type { Emulator, FaultKind } from "../core/emulator.js";
import { randomChars } from "../core/ids.js";
import type { WebhookTargetConfig } from "../core/options.js";
import { API_VERSION } from "../core/version.js";
import { invalidRequest, resourceMissing } from "../http/errors.js";
import type { EmulatorRequest, FormValue, Router } from "../http/types.js";
import { advanceClockTo } from "../billing/subscription_lifecycle.js";
import { closeDispute, DISPUTE_REASONS, openDispute } from "../payments/disputes.js";
import { floodWebhooks } from "../webhooks/flood.js";

export interface ControlHooks {
  save(file?: string): string | null;
  load(file?: string): boolean;
  setWebhookTargets(targets: WebhookTargetConfig[]): void;
}

function field(req: EmulatorRequest, key: string): string | undefined {
  const v = req.body[key] ?? req.query.get(key) ?? undefined;
  return typeof v === "string" ? v : undefined;
}

function targetsFromBody(body: Record<string, FormValue>): WebhookTargetConfig[] {
  const list = body.targets;
  if (Array.isArray(list)) {
    return list.map((t) => {
      const o = t as Record<string, FormValue>;
      const events = o.enabled_events ?? o.enabledEvents;
      return {
        url: String(o.url ?? ""),
        secret: String(o.secret ?? ""),
        connect: o.connect === "true",
        enabledEvents: Array.isArray(events) ? events.map(String) : undefined,
      };
    });
  }
  const out: WebhookTargetConfig[] = [];
  if (typeof body.platform_url === "string" && body.platform_url) {
    out.push({ url: body.platform_url, secret: String(body.platform_secret ?? ""), connect: false });
  }
  if (typeof body.connect_url === "string" && body.connect_url) {
    out.push({ url: body.connect_url, secret: String(body.connect_secret ?? ""), connect: true });
  }
  return out;
}

export function registerControl(router: Router, emu: Emulator, hooks: ControlHooks): void {
  const json = (body: object, status = 200) => ({ status, body });

  router.add("GET", "/_emulator/health", () => json({ ok: true, now: emu.now() }));
  router.add("GET", "/_emulator/config", () =>
    json({
      api_version: API_VERSION,
      connect_client_id: emu.options.connectClientId,
      platform_account: emu.platformAccountId,
      public_url: emu.publicUrl(),
      webhook_targets: emu.webhooks.configTargetList().map((t) => ({ id: t.id, url: t.url, connect: t.connect, enabled_events: t.enabledEvents })),
    }),
  );

  router.add("POST", "/_emulator/reset", () => {
    emu.reset();
    return json({ ok: true });
  });

  router.add("GET", "/_emulator/clock", () => json({ now: emu.now(), offset_seconds: emu.clock.offsetSeconds }));
  router.add("POST", "/_emulator/clock/advance", (req) => {
    const seconds = field(req, "seconds");
    const to = field(req, "to");
    const target = to ? Number(to) : emu.now() + Number(seconds ?? "0");
    if (!Number.isFinite(target)) throw invalidRequest("Give seconds=N or to=<unix time>", "seconds");
    const now = advanceClockTo(emu, Math.floor(target));
    return json({ now, offset_seconds: emu.clock.offsetSeconds });
  });

  router.add("GET", "/_emulator/faults", () => json({ data: emu.faults }));
  router.add("POST", "/_emulator/faults", (req) => {
    const kind = (field(req, "kind") ?? field(req, "type") ?? "500") as FaultKind;
    if (!["500", "429", "timeout", "drop", "drop_after"].includes(kind)) throw invalidRequest("kind must be 500, 429, timeout, drop or drop_after", "kind");
    const fault = {
      id: `fault_${randomChars(10)}`,
      method: (field(req, "method") ?? "*").toUpperCase(),
      path_prefix: field(req, "path") ?? field(req, "path_prefix") ?? "/v1/",
      kind,
      remaining: Number(field(req, "count") ?? "1"),
      skip: Number(field(req, "skip") ?? "0"),
    };
    emu.faults.push(fault);
    return json(fault);
  });
  router.add("DELETE", "/_emulator/faults", () => {
    emu.faults = [];
    return json({ ok: true });
  });

  router.add("GET", "/_emulator/webhook_deliveries", (req) => {
    const type = field(req, "event_type");
    const status = field(req, "status");
    const endpoint = field(req, "endpoint");
    const data = emu.webhooks.deliveries.filter(
      (d) => (!type || d.event_type === type) && (!status || d.status === status) && (!endpoint || d.endpoint_id === endpoint || d.url === endpoint),
    );
    return json({ data, pending: emu.webhooks.pendingCount() });
  });
  router.add("DELETE", "/_emulator/webhook_deliveries", () => {
    emu.webhooks.deliveries = [];
    return json({ ok: true });
  });
  router.add("POST", "/_emulator/webhooks/wait", async (req) => {
    const timeoutMs = Number(field(req, "timeout_ms") ?? "10000");
    await Promise.race([emu.webhooks.idle(), new Promise((r) => setTimeout(r, timeoutMs))]);
    return json({ pending: emu.webhooks.pendingCount() });
  });
  router.add("POST", "/_emulator/webhooks/flood", async (req) => {
    const number = (key: string, fallback: number, min: number, max: number): number => {
      const raw = field(req, key);
      const value = raw === undefined ? fallback : Number(raw);
      if (!Number.isFinite(value) || value < min || value > max) throw invalidRequest(`${key} must be a number from ${min} to ${max}`, key);
      return value;
    };
    const types = req.body.types;
    const since = field(req, "since");
    try {
      return json(
        await floodWebhooks(emu, {
          count: Math.floor(number("count", 1000, 1, 1_000_000)),
          concurrency: Math.floor(number("concurrency", 50, 1, 1000)),
          duplicatePercent: number("duplicate_percent", 10, 0, 90),
          reorderPercent: number("reorder_percent", 5, 0, 100),
          since: since === undefined ? undefined : number("since", 0, 0, Number.MAX_SAFE_INTEGER),
          types: Array.isArray(types) ? types.map(String) : typeof types === "string" ? types.split(",") : undefined,
          seed: Math.floor(number("seed", 1, 0, 2 ** 32 - 1)),
        }),
      );
    } catch (error) {
      if (error instanceof RangeError) throw invalidRequest(error.message, "count");
      throw error;
    }
  });
  // Signing secrets are never served: whoever starts the emulator chooses them and passes them on.
  router.add("GET", "/_emulator/webhook_targets", () =>
    json({ data: emu.webhooks.configTargetList().map((t) => ({ id: t.id, url: t.url, connect: t.connect, enabled_events: t.enabledEvents })) }),
  );
  router.add("POST", "/_emulator/webhook_targets", (req) => {
    const targets = targetsFromBody(req.body);
    for (const t of targets) if (!t.url || !t.secret) throw invalidRequest("Each target needs url and secret", "targets");
    hooks.setWebhookTargets(targets);
    return json({ data: emu.webhooks.configTargetList().map((t) => ({ id: t.id, url: t.url, connect: t.connect })) });
  });

  // Disputes for demos and app tests: open one on any succeeded charge, close one without evidence.
  router.add("POST", "/_emulator/disputes", (req) => {
    const chargeId = field(req, "charge") ?? "";
    const charge = emu.store.get(chargeId);
    if (!charge || charge.object !== "charge") throw resourceMissing("charge", chargeId, "charge");
    const reason = field(req, "reason") ?? "fraudulent";
    if (!(DISPUTE_REASONS as readonly string[]).includes(reason)) throw invalidRequest(`reason must be one of ${DISPUTE_REASONS.join(", ")}`, "reason");
    const inquiry = field(req, "inquiry") === "true";
    const dispute = openDispute(emu, charge, { reason, inquiry });
    emu.onChange();
    return json(dispute);
  });
  router.add("POST", "/_emulator/disputes/:id/resolve", (req, params) => {
    const dispute = emu.store.get(params.id);
    if (!dispute || dispute.object !== "dispute") throw resourceMissing("dispute", params.id, "id");
    const outcome = field(req, "outcome");
    if (outcome !== "won" && outcome !== "lost") throw invalidRequest("outcome must be won or lost", "outcome");
    closeDispute(emu, dispute, outcome);
    emu.onChange();
    return json(dispute);
  });

  router.add("GET", "/_emulator/requests", (req) => {
    const prefix = field(req, "path_prefix");
    const data = prefix ? emu.requestLog.filter((r) => r.path.startsWith(prefix)) : emu.requestLog;
    return json({ data, count: data.length });
  });
  router.add("DELETE", "/_emulator/requests", () => {
    emu.requestLog = [];
    return json({ ok: true });
  });

  router.add("POST", "/_emulator/state/save", (req) => {
    const file = hooks.save(field(req, "file"));
    if (!file) throw invalidRequest("No state file: pass file=... or start the emulator with a state file.", "file");
    return json({ saved: file });
  });
  router.add("POST", "/_emulator/state/load", (req) => json({ loaded: hooks.load(field(req, "file")) }));
}
