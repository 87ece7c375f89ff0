// /v1/tokens (card tokens, as created by Stripe.js createToken)
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import { apiRoute, findOwned } from "../http/api.js";
import { parameterMissing } from "../http/errors.js";
import type { Router } from "../http/types.js";
import { cardSummary, readCardDetails } from "../payments/cards.js";

export function registerTokens(router: Router, emu: Emulator): void {
  apiRoute(
    router,
    emu,
    "POST",
    "/v1/tokens",
    (ctx) => {
      const card = ctx.params.obj("card");
      if (!card) throw parameterMissing("card");
      const details = readCardDetails(emu, card);
      const summary = cardSummary(details);
      const token = {
        id: newId("tok"),
        object: "token",
        card: {
          id: newId("card"),
          object: "card",
          address_city: card.str("address_city") ?? null,
          address_country: card.str("address_country") ?? null,
          address_line1: card.str("address_line1") ?? null,
          address_line1_check: null,
          address_line2: null,
          address_state: null,
          address_zip: card.str("address_zip") ?? null,
          address_zip_check: card.str("address_zip") ? "pass" : null,
          brand: summary.brand === "amex" ? "American Express" : summary.brand.charAt(0).toUpperCase() + summary.brand.slice(1),
          country: summary.country,
          cvc_check: summary.checks.cvc_check,
          dynamic_last4: null,
          exp_month: details.exp_month,
          exp_year: details.exp_year,
          fingerprint: summary.fingerprint,
          funding: summary.funding,
          last4: summary.last4,
          metadata: {},
          name: card.str("name") ?? null,
          networks: { preferred: null },
          regulated_status: "unregulated",
          tokenization_method: null,
        },
        client_ip: null,
        created: emu.now(),
        livemode: false,
        type: "card",
        used: false,
      };
      emu.store.insert(ctx.account, token, { details });
      return token;
    },
    { publishable: true },
  );

  apiRoute(router, emu, "GET", "/v1/tokens/:id", (ctx) => findOwned(ctx, ctx.route.id, "token", "token"));
}
