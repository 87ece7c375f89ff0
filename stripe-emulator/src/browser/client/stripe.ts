// On the merchant page: the object `Stripe(pk, {stripeAccount})` returns, with the methods
// @stripe/stripe-js and @stripe/react-stripe-js call. Card data stays in the Element frames;
// this side handles only PaymentMethod IDs and client secrets.
import { createApiBridge } from "./bridge.js";
import { EmulatedElement } from "./element.js";
import { ElementsGroup, type StripeInstanceInfo } from "./elements.js";
import { asDict, IntegrationError, notMounted, unsupported, type Dict } from "./errors.js";
import type { Params } from "./form.js";
import {
  confirmIntent,
  handleAction,
  kindOf,
  redirectToReturnUrl,
  requireSecret,
  retrieveIntent,
  type IntentContext,
  type IntentKind,
  type IntentResult,
} from "./intents.js";
import type { ClientError } from "./protocol.js";

type PmResult = { id?: string; type?: string } | { error: ClientError };

const RESULT_KEY: Record<IntentKind, "paymentIntent" | "setupIntent"> = { payment_intent: "paymentIntent", setup_intent: "setupIntent" };

function toResult(kind: IntentKind, r: IntentResult): Dict {
  return "error" in r ? { error: r.error } : { [RESULT_KEY[kind]]: r.intent };
}

/** Only the parameters a publishable key may send with a confirmation, when given. */
function pick(source: Dict, keys: string[]): Params {
  const out: Params = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
const PAYMENT_CONFIRM_KEYS = ["return_url", "receipt_email", "shipping", "setup_future_usage", "save_payment_method", "payment_method_options", "mandate_data"];
const ONLINE_MANDATE = { customer_acceptance: { type: "online", online: { infer_from_client: true } } };
const SETUP_CONFIRM_KEYS = ["return_url", "mandate_data", "payment_method_options"];

export function createStripe(origin: string, publishableKey: unknown, options?: unknown) {
  if (typeof publishableKey !== "string" || !publishableKey) {
    throw new IntegrationError("Invalid value for Stripe(): apiKey should be a string. You specified: " + String(publishableKey) + ".");
  }
  if (/^(sk|rk)_/.test(publishableKey)) {
    throw new IntegrationError("You should not use your secret key with Stripe.js. Please pass a publishable key (pk_test_...) instead.");
  }
  const opts = asDict(options);
  const stripeAccount = typeof opts.stripeAccount === "string" ? opts.stripeAccount : undefined;
  const info: StripeInstanceInfo & IntentContext = {
    origin,
    publishableKey,
    stripeAccount,
    api: createApiBridge(origin, publishableKey, stripeAccount),
  };
  const wrappers: Dict[] = [];

  function asElement(value: unknown, method: string): EmulatedElement {
    if (value instanceof EmulatedElement) return value;
    throw new IntegrationError(`Invalid value for ${method}: expected an Element created by this Stripe.js (card, cardNumber or payment).`);
  }

  async function pmFromElement(element: EmulatedElement, data: Dict): Promise<PmResult> {
    const r = await element._request("createPaymentMethod", { billing_details: data.billing_details, metadata: data.metadata });
    if (r.error) return { error: r.error as ClientError };
    return { id: String(asDict(r.paymentMethod).id), type: String(asDict(r.paymentMethod).type) };
  }

  /** The PaymentMethod for confirmPayment/confirmSetup: given by ID, from the Elements, or none. */
  async function pmFromConfirmParams(elements: unknown, confirmParams: Dict, method: string): Promise<PmResult> {
    if (typeof confirmParams.payment_method === "string") return { id: confirmParams.payment_method };
    if (!elements) return {};
    if (!(elements instanceof ElementsGroup)) throw new IntegrationError(`Invalid value for ${method}: elements should be an Elements group.`);
    if (elements.deferred && !elements.submitted) {
      throw new IntegrationError(`elements.submit() must be called (and succeed) before stripe.${method}() when Elements has no clientSecret.`);
    }
    const element = elements.paymentElement();
    if (!element) return notMounted();
    return pmFromElement(element, asDict(confirmParams.payment_method_data));
  }

  /** `payment_method` of confirmCardPayment/confirmCardSetup: an ID, `{card: element, billing_details}`, or none. */
  async function pmFromCardData(data: Dict, method: string): Promise<PmResult> {
    const pm = data.payment_method;
    if (pm === undefined) return {};
    if (typeof pm === "string") return { id: pm };
    const pmData = asDict(pm);
    if (pmData.card instanceof EmulatedElement) return pmFromElement(pmData.card, pmData);
    if (asDict(pmData.card).token) return unsupported("payment_method.card.token in " + method);
    throw new IntegrationError(`Invalid value for ${method}: payment_method should be a PaymentMethod ID or {card: element}.`);
  }

  async function confirmWithElements(kind: IntentKind, method: string, o: Dict): Promise<Dict> {
    const elements = o.elements;
    const secret = requireSecret(o.clientSecret ?? (elements instanceof ElementsGroup ? elements.clientSecret : undefined), kind, `stripe.${method}()`);
    const confirmParams = asDict(o.confirmParams);
    const redirect = o.redirect ?? "always";
    const returnUrl = confirmParams.return_url;
    if (redirect === "always" && typeof returnUrl !== "string") {
      throw new IntegrationError(`stripe.${method}(): confirmParams.return_url is required unless redirect: 'if_required' is passed.`);
    }
    const pm = await pmFromConfirmParams(elements, confirmParams, method);
    if ("error" in pm) return { error: pm.error };
    const keys = kind === "payment_intent" ? PAYMENT_CONFIRM_KEYS : SETUP_CONFIRM_KEYS;
    // As Stripe.js does, a bank debit is confirmed with the online mandate the customer accepted on this page.
    const mandate = pm.type === "us_bank_account" && !confirmParams.mandate_data ? { mandate_data: ONLINE_MANDATE } : {};
    const result = await confirmIntent(info, kind, secret, { ...pick(confirmParams, keys), ...mandate, payment_method: pm.id });
    if ("error" in result) return { error: result.error };
    if (redirect === "always") return redirectToReturnUrl(kind, result.intent, secret, returnUrl as string);
    return { [RESULT_KEY[kind]]: result.intent };
  }

  async function confirmCard(kind: IntentKind, method: string, clientSecret: unknown, data: unknown, options: unknown): Promise<Dict> {
    const secret = requireSecret(clientSecret, kind, `stripe.${method}()`);
    const d = asDict(data);
    const pm = await pmFromCardData(d, method);
    if ("error" in pm) return { error: pm.error };
    const keys = kind === "payment_intent" ? PAYMENT_CONFIRM_KEYS : SETUP_CONFIRM_KEYS;
    const handleActions = asDict(options).handleActions !== false;
    return toResult(kind, await confirmIntent(info, kind, secret, { ...pick(d, keys), payment_method: pm.id }, handleActions));
  }

  async function nextAction(clientSecret: unknown, only: IntentKind | null, method: string): Promise<Dict> {
    const kind = only ?? kindOf(clientSecret) ?? "payment_intent";
    const secret = requireSecret(clientSecret, kind, `stripe.${method}()`);
    const current = await retrieveIntent(info, kind, secret);
    if ("error" in current) return { error: current.error };
    if (current.intent.status !== "requires_action") return toResult(kind, current);
    return toResult(kind, await handleAction(info, kind, secret, current.intent));
  }

  return {
    elements: (elementsOptions?: Dict) => new ElementsGroup(info, elementsOptions),

    confirmPayment: (o: Dict) => confirmWithElements("payment_intent", "confirmPayment", asDict(o)),
    confirmSetup: (o: Dict) => confirmWithElements("setup_intent", "confirmSetup", asDict(o)),
    confirmCardPayment: (cs: unknown, data?: unknown, o?: unknown) => confirmCard("payment_intent", "confirmCardPayment", cs, data, o),
    confirmCardSetup: (cs: unknown, data?: unknown, o?: unknown) => confirmCard("setup_intent", "confirmCardSetup", cs, data, o),

    handleNextAction: (o: Dict) => nextAction(asDict(o).clientSecret, null, "handleNextAction"),
    handleCardAction: (cs: unknown) => nextAction(cs, "payment_intent", "handleCardAction"),

    retrievePaymentIntent: async (cs: unknown) =>
      toResult("payment_intent", await retrieveIntent(info, "payment_intent", requireSecret(cs, "payment_intent", "stripe.retrievePaymentIntent()"))),
    retrieveSetupIntent: async (cs: unknown) =>
      toResult("setup_intent", await retrieveIntent(info, "setup_intent", requireSecret(cs, "setup_intent", "stripe.retrieveSetupIntent()"))),

    /** createPaymentMethod({elements, params}) | ({type: 'card', card: element, ...}) | ('card', element, data). */
    async createPaymentMethod(a: unknown, b?: unknown, c?: unknown): Promise<Dict> {
      let element: EmulatedElement | null;
      let data: Dict;
      if (typeof a === "string") {
        if (a !== "card") return unsupported(`createPaymentMethod for type "${a}"`);
        element = asElement(b, "stripe.createPaymentMethod()");
        data = asDict(c);
      } else {
        const o = asDict(a);
        if (o.elements !== undefined) {
          const elements = o.elements;
          if (!(elements instanceof ElementsGroup)) throw new IntegrationError("Invalid value for createPaymentMethod(): elements should be an Elements group.");
          if (elements.deferred && !elements.submitted) {
            throw new IntegrationError("elements.submit() must be called (and succeed) before stripe.createPaymentMethod() with elements.");
          }
          element = elements.paymentElement();
          data = asDict(o.params);
        } else {
          if (o.type !== "card") return unsupported(`createPaymentMethod for type "${String(o.type)}"`);
          element = asElement(o.card, "stripe.createPaymentMethod()");
          data = o;
        }
      }
      if (!element) return notMounted();
      const r = await element._request("createPaymentMethod", { billing_details: data.billing_details, metadata: data.metadata });
      return r.error ? { error: r.error } : { paymentMethod: r.paymentMethod };
    },

    async createToken(element: unknown, data?: unknown): Promise<Dict> {
      if (typeof element === "string") return unsupported(`createToken for "${element}"`);
      const r = await asElement(element, "stripe.createToken()")._request("createToken", asDict(data));
      return r.error ? { error: r.error } : { token: r.token };
    },

    paymentRequest: () => ({
      canMakePayment: async () => null,
      show: () => {
        throw new IntegrationError("Payment Request (Apple Pay / Google Pay) is not available in the Stripe emulator.");
      },
      update: () => {},
      on: () => {},
      off: () => {},
    }),

    registerAppInfo: (appInfo: Dict) => void wrappers.push({ appInfo }),
    _registerWrapper: (wrapper: Dict) => void wrappers.push(wrapper),
    /** Not part of Stripe.js: tells pages and tests which Stripe.js they run on. */
    _emulator: { origin, wrappers },
  };
}
