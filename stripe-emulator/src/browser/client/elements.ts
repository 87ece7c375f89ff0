// On the merchant page: an Elements group, from `{clientSecret}` or deferred `{mode, amount,
// currency}`. It creates the Elements, validates them on submit() and keeps group options.
import type { Api } from "./bridge.js";
import { EmulatedElement, ELEMENT_TYPES, type ElementHost, type ElementType } from "./element.js";
import { asDict, IntegrationError, type Dict } from "./errors.js";
import type { ClientError } from "./protocol.js";

export interface StripeInstanceInfo {
  origin: string;
  publishableKey: string;
  stripeAccount?: string;
  api: Api;
}

export class ElementsGroup implements ElementHost {
  readonly id = `elements_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  private byType = new Map<ElementType, EmulatedElement>();
  private listeners = new Map<string, Set<(e: unknown) => void>>();
  private options: Dict;
  /** Set by a successful submit(); deferred-intent flows require it before confirming. */
  submitted = false;

  constructor(private readonly info: StripeInstanceInfo, options?: Dict) {
    this.options = { ...asDict(options) };
    const secret = this.options.clientSecret;
    if (secret !== undefined && (typeof secret !== "string" || !secret.includes("_secret_"))) {
      throw new IntegrationError("Invalid value for elements(): clientSecret should be a client secret of the form ${id}_secret_${secret}.");
    }
    const mode = this.options.mode;
    if (mode !== undefined && mode !== "payment" && mode !== "setup" && mode !== "subscription") {
      throw new IntegrationError("Invalid value for elements(): mode should be one of payment, setup or subscription.");
    }
  }

  get origin(): string {
    return this.info.origin;
  }
  get publishableKey(): string {
    return this.info.publishableKey;
  }
  get stripeAccount(): string | undefined {
    return this.info.stripeAccount;
  }
  get clientSecret(): string | undefined {
    return typeof this.options.clientSecret === "string" ? this.options.clientSecret : undefined;
  }
  /** A deferred intent: the Payment Element was created from mode/amount/currency. */
  get deferred(): boolean {
    return !this.clientSecret && typeof this.options.mode === "string";
  }

  create(type: string, options?: Dict): EmulatedElement {
    if (!ELEMENT_TYPES.includes(type as ElementType)) {
      throw new IntegrationError(
        `The Stripe emulator's Stripe.js does not provide the "${type}" Element (only ${ELEMENT_TYPES.join(", ")}).`,
      );
    }
    const elementType = type as ElementType;
    if (this.byType.has(elementType)) {
      throw new IntegrationError(`This Elements group already has a ${type} Element; destroy it before creating another.`);
    }
    if (elementType === "payment" && !this.clientSecret && !this.options.mode) {
      throw new IntegrationError("The Payment Element needs elements() to be created with a clientSecret, or with mode, amount and currency.");
    }
    const element = new EmulatedElement(this, elementType, { ...asDict(options) });
    this.byType.set(elementType, element);
    return element;
  }

  /** By type name, or by a @stripe/react-stripe-js component (which carries `__elementType`). */
  getElement(type: unknown): EmulatedElement | null {
    const name = typeof type === "string" ? type : (type as { __elementType?: unknown } | null)?.__elementType;
    return typeof name === "string" ? (this.byType.get(name as ElementType) ?? null) : null;
  }

  /** The element that collects card details for confirmPayment/createPaymentMethod({elements}). */
  paymentElement(): EmulatedElement | null {
    return this.byType.get("payment") ?? this.byType.get("card") ?? this.byType.get("cardNumber") ?? null;
  }

  async update(options: Dict): Promise<void> {
    const { clientSecret, ...rest } = asDict(options);
    if (clientSecret !== undefined) console.warn("elements.update(): clientSecret cannot be changed; create a new Elements group.");
    this.options = { ...this.options, ...rest };
    if (rest.appearance) this.byType.get("payment")?.update({});
    this.emit("update-end", {});
  }

  async fetchUpdates(): Promise<{ error?: { message: string; status?: string } }> {
    const secret = this.clientSecret;
    if (!secret) return {};
    const id = secret.split("_secret_")[0];
    const path = id.startsWith("seti_") ? "/v1/setup_intents/" : "/v1/payment_intents/";
    const reply = await this.info.api("GET", path + id, { client_secret: secret });
    const error = asDict(reply.body.error);
    return reply.body.error ? { error: { message: String(error.message ?? "Could not fetch updates."), status: String(reply.status) } } : {};
  }

  async submit(): Promise<{ error: ClientError } | { selectedPaymentMethod: string }> {
    const element = this.paymentElement();
    if (!element) {
      return { error: { type: "validation_error", message: "elements.submit() found no mounted Payment Element to validate." } };
    }
    const result = await element._request("validate");
    if (result.error) {
      this.submitted = false;
      return { error: result.error as ClientError };
    }
    this.submitted = true;
    return { selectedPaymentMethod: "card" };
  }

  on(event: string, handler: (e: unknown) => void): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler?: (e: unknown) => void): this {
    if (!handler) this.listeners.delete(event);
    else this.listeners.get(event)?.delete(handler);
    return this;
  }

  /** ElementHost: options the frame receives (group appearance for the Payment Element). */
  frameOptions(type: ElementType, options: Dict): Dict {
    if (type === "linkAuthentication" && this.options.appearance) return { appearance: this.options.appearance, ...options };
    if (type !== "payment") return options;
    // What the Payment Element needs to know which payment methods to offer.
    const methods = { clientSecret: this.clientSecret, mode: this.options.mode, currency: this.options.currency, paymentMethodTypes: this.options.paymentMethodTypes };
    return { ...(this.options.appearance ? { appearance: this.options.appearance } : {}), _methods: methods, ...options };
  }

  /** ElementHost: a destroyed element leaves the group, so one of its type can be created again. */
  remove(element: EmulatedElement): void {
    if (this.byType.get(element.elementType) === element) this.byType.delete(element.elementType);
  }

  private emit(event: string, payload: unknown): void {
    for (const handler of [...(this.listeners.get(event) ?? [])]) handler(payload);
  }
}
