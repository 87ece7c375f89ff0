// 3-D Secure: the hosted test page (/3ds/:intentId) and the hook the Stripe.js stand-in calls
// (POST /_emulator/3ds/:intentId with a publishable key).
import type { Emulator } from "../core/emulator.js";
import { ApiError, invalidRequest, resourceMissing } from "../http/errors.js";
import { render } from "../http/expand.js";
import type { EmulatorRequest, Router } from "../http/types.js";
import { authenticatePayment } from "../payments/payment_intent_engine.js";
import { authenticateSetup } from "../payments/setup_intent_engine.js";
import type { StripeObject } from "../store/store.js";
import { bodyField, esc, page, redirect, withQuery } from "./layout.js";

function findIntent(emu: Emulator, id: string, secret: string | undefined): StripeObject {
  const r = emu.store.record(id);
  if (!r || (r.object !== "payment_intent" && r.object !== "setup_intent")) throw resourceMissing(id.startsWith("seti_") ? "setup_intent" : "payment_intent", id);
  if (!secret || secret !== r.data.client_secret) {
    throw invalidRequest("The client_secret provided does not match the client_secret associated with this intent.", "client_secret");
  }
  return r.data;
}

/** Applies a 3-D Secure outcome; returns the intent as it is afterwards. */
export function applyThreeDSecure(emu: Emulator, intent: StripeObject, outcome: "complete" | "fail"): StripeObject {
  if (intent.status !== "requires_action") {
    throw invalidRequest(`This ${intent.object === "setup_intent" ? "SetupIntent" : "PaymentIntent"} is not waiting for authentication (status ${intent.status}).`, "intent", `${intent.object}_unexpected_state`);
  }
  if (intent.object === "setup_intent") authenticateSetup(emu, intent, outcome);
  else authenticatePayment(emu, intent, outcome);
  emu.onChange();
  return intent;
}

function outcomeOf(req: EmulatorRequest): "complete" | "fail" {
  const o = bodyField(req.body, "outcome");
  if (o !== "complete" && o !== "fail") throw invalidRequest("outcome must be complete or fail", "outcome");
  return o;
}

export function registerThreeDSecure(router: Router, emu: Emulator): void {
  // JSON hook for the Stripe.js stand-in: auth (a pk_test_ key) was checked by the server.
  router.add("POST", "/_emulator/3ds/:id", (req, params) => {
    if (req.auth?.kind !== "publishable" && req.auth?.kind !== "secret") {
      throw new ApiError(401, { type: "invalid_request_error", message: "Use a pk_test_ key." });
    }
    const intent = findIntent(emu, params.id, bodyField(req.body, "client_secret"));
    const account = emu.store.accountOf(intent.id);
    if ((req.account ?? null) !== account) throw resourceMissing(intent.object, intent.id);
    applyThreeDSecure(emu, intent, outcomeOf(req));
    return { status: 200, body: render(emu, intent) };
  });

  router.add("GET", "/3ds/:id", (req, params) => {
    const secret = req.query.get("client_secret") ?? undefined;
    let intent: StripeObject;
    try {
      intent = findIntent(emu, params.id, secret);
    } catch {
      return page("3D Secure", `<div class="card"><h1>Unknown authentication request</h1></div>`, { status: 404 });
    }
    const isSetup = intent.object === "setup_intent";
    const amount = isSetup ? "" : `<p>Amount: <strong>${(intent.amount / 100).toFixed(2)} ${esc(String(intent.currency).toUpperCase())}</strong></p>`;
    const returnUrl = req.query.get("return_url") ?? "";
    return page(
      "3D Secure test page",
      `<div class="card"><h1>3D Secure 2 test page</h1>
<p class="muted">${isSetup ? "Authenticate this card for future payments." : "Complete or fail this test payment's authentication."} (${esc(intent.id)})</p>${amount}
${intent.status !== "requires_action" ? `<p>This request is no longer waiting for authentication (status <code>${esc(intent.status)}</code>).</p>` : ""}
<form method="post" action="/3ds/${esc(intent.id)}">
<input type="hidden" name="client_secret" value="${esc(intent.client_secret)}"><input type="hidden" name="return_url" value="${esc(returnUrl)}">
<div class="actions"><button class="primary" type="submit" name="outcome" value="complete" id="complete-authentication">Complete authentication</button>
<button class="danger" type="submit" name="outcome" value="fail" id="fail-authentication">Fail authentication</button></div></form></div>`,
    );
  });

  router.add("POST", "/3ds/:id", (req, params) => {
    const intent = findIntent(emu, params.id, bodyField(req.body, "client_secret"));
    if (intent.status === "requires_action") applyThreeDSecure(emu, intent, outcomeOf(req));
    const isSetup = intent.object === "setup_intent";
    const redirectStatus = intent.status === "succeeded" ? "succeeded" : intent.status === "processing" ? "processing" : "failed";
    const returnUrl = bodyField(req.body, "return_url");
    if (returnUrl) {
      return redirect(
        withQuery(returnUrl, isSetup
          ? { setup_intent: intent.id, setup_intent_client_secret: intent.client_secret, redirect_status: redirectStatus }
          : { payment_intent: intent.id, payment_intent_client_secret: intent.client_secret, redirect_status: redirectStatus }),
      );
    }
    // Without a return_url the page lives in the stand-in's modal/iframe: tell the parent window.
    const message = JSON.stringify({ type: "stripe-emulator-3ds-result", intent: intent.id, status: intent.status, redirect_status: redirectStatus });
    return page(
      "Authentication finished",
      `<div class="card"><h1>Authentication ${redirectStatus === "succeeded" ? "completed" : "finished"}</h1><p class="muted">Status: <code>${esc(intent.status)}</code>. You can close this window.</p></div>
<script>try{(window.opener||window.parent).postMessage(${message.replace(/</g, "\\u003c")},"*")}catch(e){}</script>`,
    );
  });
}
