// Public entry point: startEmulator() runs the whole emulator in this process.
import type { AddressInfo } from "node:net";
import { Emulator } from "./core/emulator.js";
import { resolveOptions, type EmulatorOptions, type WebhookTargetConfig } from "./core/options.js";
import { PathRouter } from "./http/router.js";
import { createEmulatorServer } from "./http/server.js";
import { loadState, saveState } from "./store/persistence.js";
import { registerBillingHooks } from "./billing/subscription_lifecycle.js";
import { registerCustomers } from "./resources/customers.js";
import { registerPaymentMethods } from "./resources/payment_methods.js";
import { registerTokens } from "./resources/tokens.js";
import { registerPaymentIntents } from "./resources/payment_intents.js";
import { registerSetupIntents } from "./resources/setup_intents.js";
import { registerCharges } from "./resources/charges.js";
import { registerRefunds } from "./resources/refunds.js";
import { registerDisputes } from "./resources/disputes.js";
import { registerProducts } from "./resources/products.js";
import { registerSubscriptions } from "./resources/subscriptions.js";
import { registerInvoices } from "./resources/invoices.js";
import { registerApplicationFees } from "./resources/application_fees.js";
import { registerTransfers } from "./resources/transfers.js";
import { registerBalance } from "./resources/balance.js";
import { registerAccounts } from "./resources/accounts.js";
import { registerEvents } from "./resources/events.js";
import { registerOAuth } from "./connect/oauth.js";
import { registerOnboardingPages } from "./hosted/onboarding.js";
import { registerThreeDSecure } from "./hosted/three_d_secure.js";
import { registerDashboard } from "./hosted/dashboard.js";
import { registerControl } from "./control/routes.js";
import { registerBrowserRoutes } from "./browser/routes.js";

export type { EmulatorOptions, WebhookTargetConfig } from "./core/options.js";

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:12111 */
  url: string;
  port: number;
  /** The in-process state (tests may inspect it; apps must use HTTP). */
  emulator: Emulator;
  /** Resolves when every pending webhook delivery has finished (succeeded or exhausted its retries). */
  webhooksIdle(): Promise<void>;
  close(): Promise<void>;
}

export function buildRouter(emu: Emulator, hooks: Parameters<typeof registerControl>[2]): PathRouter {
  const router = new PathRouter();
  registerCustomers(router, emu);
  registerPaymentMethods(router, emu);
  registerTokens(router, emu);
  registerPaymentIntents(router, emu);
  registerSetupIntents(router, emu);
  registerCharges(router, emu);
  registerRefunds(router, emu);
  registerDisputes(router, emu);
  registerProducts(router, emu);
  registerSubscriptions(router, emu);
  registerInvoices(router, emu);
  registerApplicationFees(router, emu);
  registerTransfers(router, emu);
  registerBalance(router, emu);
  registerAccounts(router, emu);
  registerEvents(router, emu);
  registerOAuth(router, emu);
  registerOnboardingPages(router, emu);
  registerThreeDSecure(router, emu);
  registerDashboard(router, emu);
  registerControl(router, emu, hooks);
  registerBrowserRoutes(router, { publicUrl: () => emu.publicUrl() });
  return router;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const opts = resolveOptions(options);
  const emu = new Emulator(opts);
  registerBillingHooks(emu);
  let controlTargets: WebhookTargetConfig[] | null = null;
  emu.webhooks.setConfigTargets(opts.webhookEndpoints);

  if (opts.stateFile) {
    const { webhookTargets } = loadState(emu, opts.stateFile);
    if (webhookTargets && opts.webhookEndpoints.length === 0) {
      controlTargets = webhookTargets;
      emu.webhooks.setConfigTargets(webhookTargets);
    }
  }

  let saveTimer: NodeJS.Timeout | null = null;
  const saveNow = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (opts.stateFile) saveState(emu, opts.stateFile, controlTargets);
  };
  if (opts.stateFile) {
    emu.onChange = () => {
      if (!saveTimer) saveTimer = setTimeout(saveNow, 250);
    };
  }

  const router = buildRouter(emu, {
    save(file) {
      const target = file ?? opts.stateFile;
      if (!target) return null;
      saveState(emu, target, controlTargets);
      return target;
    },
    load(file) {
      const target = file ?? opts.stateFile;
      if (!target) return false;
      const { loaded, webhookTargets } = loadState(emu, target);
      if (webhookTargets) {
        controlTargets = webhookTargets;
        emu.webhooks.setConfigTargets(webhookTargets);
      }
      return loaded;
    },
    setWebhookTargets(targets) {
      controlTargets = targets;
      emu.webhooks.setConfigTargets(targets);
      emu.onChange();
    },
  });

  const { server, hangingSockets } = createEmulatorServer(emu, router);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.host === "0.0.0.0" || opts.host === "::" ? "127.0.0.1" : opts.host;
  const url = `http://${hostForUrl.includes(":") ? `[${hostForUrl}]` : hostForUrl}:${port}`;
  emu.setBaseUrl(url);

  return {
    url,
    port,
    emulator: emu,
    webhooksIdle: () => emu.webhooks.idle(),
    async close() {
      if (opts.stateFile) saveNow();
      emu.webhooks.close();
      for (const s of hangingSockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
