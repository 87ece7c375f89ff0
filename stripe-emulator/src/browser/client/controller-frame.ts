// Entry of the hidden controller frame (/elements/controller.html). The merchant page asks it to
// call the emulator's browser-facing API, so those calls are same-origin for the emulator and
// need no CORS. Only `/v1/` paths with a publishable key: nothing a page could not do itself.
import { callApi } from "./api.js";
import { linkToParent, readConfig } from "./frame-side.js";
import type { Params } from "./form.js";

interface ControllerConfig {
  parentOrigin: string;
  publishableKey: string;
  stripeAccount?: string;
}

const config = readConfig<ControllerConfig>();

const link = linkToParent(config.parentOrigin, (command, args) => {
  const a = (args ?? {}) as { method?: string; path?: string; params?: Params };
  if (command !== "api" || !a.path?.startsWith("/v1/") || (a.method !== "GET" && a.method !== "POST")) {
    return { status: 400, body: { error: { type: "invalid_request_error", message: "Unsupported request from Stripe.js." } } };
  }
  return callApi({ publishableKey: config.publishableKey, stripeAccount: config.stripeAccount }, a.method, a.path, a.params);
});

link.post({ kind: "ready" });
