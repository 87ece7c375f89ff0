// /v1/events and /v1/webhook_endpoints
import type { Emulator } from "../core/emulator.js";
import { apiRoute, deletedStub, findOwned, paginate } from "../http/api.js";
import { invalidRequest, parameterMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { API_VERSION } from "../core/version.js";
import { newEndpointId, newWebhookSecret } from "../webhooks/dispatcher.js";
import type { StripeObject } from "../store/store.js";

function matchesType(pattern: string, type: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

export function registerEvents(router: Router, emu: Emulator): void {
  apiRoute(router, emu, "GET", "/v1/events/:id", (ctx) => findOwned(ctx, ctx.route.id, "event", "event"));

  apiRoute(router, emu, "GET", "/v1/events", (ctx) => {
    const type = ctx.params.str("type");
    const types = ctx.params.strArr("types");
    const items = emu.store.list(
      "event",
      ctx.account,
      (e) => (!type || matchesType(type, e.type)) && (!types || types.some((t) => matchesType(t, e.type))),
    );
    return paginate(ctx, items, "/v1/events");
  });

  apiRoute(router, emu, "POST", "/v1/webhook_endpoints", (ctx) => {
    const p = ctx.params;
    const url = p.reqStr("url");
    const enabled = p.strArr("enabled_events");
    if (!enabled || enabled.length === 0) throw parameterMissing("enabled_events");
    try {
      new URL(url);
    } catch {
      throw invalidRequest("Invalid URL: must be a valid URL.", "url", "url_invalid");
    }
    const secret = newWebhookSecret();
    const we: StripeObject = {
      id: newEndpointId(),
      object: "webhook_endpoint",
      api_version: p.str("api_version") ?? API_VERSION,
      application: null,
      created: emu.now(),
      description: p.str("description") ?? null,
      enabled_events: enabled,
      livemode: false,
      metadata: p.metadata({}),
      status: "enabled",
      url,
    };
    emu.store.insert(null, we, { secret, connect: p.bool("connect") ?? false });
    return { ...we, secret };
  });

  apiRoute(router, emu, "GET", "/v1/webhook_endpoints/:id", (ctx) => findOwned(ctx, ctx.route.id, "webhook_endpoint", "webhook endpoint"));

  apiRoute(router, emu, "POST", "/v1/webhook_endpoints/:id", (ctx) => {
    const we = findOwned(ctx, ctx.route.id, "webhook_endpoint", "webhook endpoint");
    const p = ctx.params;
    if (p.has("url")) we.url = p.reqStr("url");
    if (p.has("enabled_events")) we.enabled_events = p.strArr("enabled_events");
    if (p.has("description")) we.description = p.nullableStr("description") ?? null;
    if (p.has("disabled")) we.status = p.bool("disabled") ? "disabled" : "enabled";
    we.metadata = p.metadata(we.metadata);
    emu.webhooks.cancelRetriesOfRemovedTargets();
    return we;
  });

  apiRoute(router, emu, "DELETE", "/v1/webhook_endpoints/:id", (ctx) => {
    const we = findOwned(ctx, ctx.route.id, "webhook_endpoint", "webhook endpoint");
    emu.store.markDeleted(we.id);
    emu.webhooks.cancelRetriesOfRemovedTargets();
    return deletedStub(we.id, "webhook_endpoint");
  });

  apiRoute(router, emu, "GET", "/v1/webhook_endpoints", (ctx) => paginate(ctx, emu.store.list("webhook_endpoint", ctx.account), "/v1/webhook_endpoints"));
}
