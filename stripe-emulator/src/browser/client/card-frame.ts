// Entry of the card frame (/elements/card-frame.html), the only place card data exists. It
// creates PaymentMethods and tokens itself with the publishable key; only their IDs and objects
// go to the merchant page. Split elements (cardNumber, cardExpiry, cardCvc) of one Elements group
// share their values over a BroadcastChannel, which only frames of the emulator's origin can join.
import { callApi, type ApiAuth } from "./api.js";
import { BankForm } from "./bank-form.js";
import { CardForm, type FieldName, type Layout } from "./card-form.js";
import { EmailForm } from "./email-form.js";
import { parseExpiry, digitsOnly, type FieldError } from "./card-validation.js";
import { installStyle } from "./card-frame-style.js";
import { linkToParent, readConfig } from "./frame-side.js";
import type { ClientError, ElementState } from "./protocol.js";

interface CardFrameConfig {
  type: "card" | "payment" | "cardNumber" | "cardExpiry" | "cardCvc" | "linkAuthentication";
  parentOrigin: string;
  publishableKey: string;
  stripeAccount?: string;
  groupId: string;
  options: Record<string, unknown>;
}

type Dict = Record<string, unknown>;
const asDict = (v: unknown): Dict => (typeof v === "object" && v !== null ? (v as Dict) : {});

const config = readConfig<CardFrameConfig>();
const auth: ApiAuth = { publishableKey: config.publishableKey, stripeAccount: config.stripeAccount };
let options: Dict = config.options ?? {};
let form: CardForm;
let lastState = "";
/** The Payment Element's bank tab, when the payment allows us_bank_account, and the chosen method. */
let bank: BankForm | null = null;
let method: "card" | "us_bank_account" = "card";
/** The Link Authentication Element's email field (that element has no card fields). */
let email: EmailForm | null = null;

function postalHidden(opts: Dict): boolean {
  if (config.type === "card") return opts.hidePostalCode === true;
  const billing = asDict(opts.fields).billingDetails;
  if (billing === "never") return true;
  const address = asDict(billing).address;
  return address === "never" || asDict(address).postalCode === "never";
}

function fieldsFor(opts: Dict): FieldName[] {
  if (config.type === "cardNumber") return ["number"];
  if (config.type === "cardExpiry") return ["expiry"];
  if (config.type === "cardCvc") return ["cvc"];
  return postalHidden(opts) ? ["number", "expiry", "cvc"] : ["number", "expiry", "cvc", "postal"];
}

function initialPostalCode(opts: Dict): string | undefined {
  const fromValue = asDict(opts.value).postalCode;
  const fromDefaults = asDict(asDict(asDict(opts.defaultValues).billingDetails).address).postal_code;
  const v = fromValue ?? fromDefaults;
  return typeof v === "string" ? v : undefined;
}

const link = linkToParent(config.parentOrigin, onCommand);

function currentState(): ElementState {
  if (email) return email.state();
  if (bank && method === "us_bank_account") return bank.state();
  const state: ElementState = form.state();
  if (config.type === "card") state.value = { postalCode: form.value("postal") };
  if (config.type === "payment") state.value = { type: "card" };
  return state;
}

function emitChange(): void {
  const state = currentState();
  const json = JSON.stringify(state);
  if (json === lastState) return;
  lastState = json;
  link.post({ kind: "change", state });
}

function build(): void {
  installStyle(config.type, options);
  if (config.type === "linkAuthentication") {
    const initial = asDict(options.defaultValues).email;
    email = new EmailForm(document.getElementById("root")!, typeof initial === "string" ? initial : undefined, emitChange, (focused) =>
      link.post({ kind: focused ? "focus" : "blur" }),
    );
    return;
  }
  const layout: Layout = config.type === "payment" ? "stacked" : config.type === "card" ? "row" : "single";
  const root = document.getElementById("root")!;
  const cardPane = config.type === "payment" ? root.appendChild(document.createElement("div")) : root;
  form = new CardForm(cardPane, {
    layout,
    fields: fieldsFor(options),
    disabled: options.disabled === true || options.readOnly === true,
    postalCode: initialPostalCode(options),
    onChange: emitChange,
    onFocusChange: (focused) => link.post({ kind: focused ? "focus" : "blur" }),
  });
  if (config.type === "payment") void offerBankAccount(root, cardPane);
}

/** Payment method types the payment allows: the intent's, or those of a deferred Elements group. */
async function allowedTypes(): Promise<string[]> {
  const m = asDict(options._methods);
  if (Array.isArray(m.paymentMethodTypes)) return m.paymentMethodTypes.map(String);
  if (typeof m.clientSecret === "string" && m.clientSecret.startsWith("pi_")) {
    const id = m.clientSecret.split("_secret_")[0];
    const reply = await callApi(auth, "GET", `/v1/payment_intents/${id}`, { client_secret: m.clientSecret });
    return Array.isArray(reply.body.payment_method_types) ? reply.body.payment_method_types.map(String) : ["card"];
  }
  return m.mode === "payment" && String(m.currency).toLowerCase() === "usd" ? ["card", "us_bank_account"] : ["card"];
}

async function offerBankAccount(root: HTMLElement, cardPane: HTMLElement): Promise<void> {
  if (!(await allowedTypes()).includes("us_bank_account")) return;
  const tabs = document.createElement("div");
  tabs.className = "tabs";
  tabs.setAttribute("role", "tablist");
  const bankPane = document.createElement("div");
  bankPane.hidden = true;
  bank = new BankForm(bankPane, emitChange);
  const select = (next: typeof method): void => {
    method = next;
    cardPane.hidden = next !== "card";
    bankPane.hidden = next !== "us_bank_account";
    for (const b of tabs.querySelectorAll("button")) b.setAttribute("aria-selected", String(b.dataset.method === next));
    emitChange();
  };
  for (const [value, label] of [["card", "Card"], ["us_bank_account", "US bank account"]] as const) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tab";
    button.dataset.method = value;
    button.setAttribute("role", "tab");
    button.setAttribute("aria-selected", String(value === method));
    button.textContent = label;
    button.addEventListener("click", () => select(value));
    tabs.appendChild(button);
  }
  root.insertBefore(tabs, cardPane);
  root.appendChild(bankPane);
}

// ---- split elements: values of sibling frames of the same group --------------------------------

interface SiblingValue {
  field: FieldName;
  value: string;
  error?: FieldError;
}

const group = "BroadcastChannel" in window ? new BroadcastChannel(`stripe-emulator:${config.groupId}`) : null;
group?.addEventListener("message", (e: MessageEvent) => {
  const msg = asDict(e.data);
  if (msg.ask !== "values" || config.type === "card" || config.type === "payment") return;
  form.touchAll();
  emitChange();
  for (const field of ["expiry", "cvc"] as FieldName[]) {
    if (form.has(field)) {
      const reply: SiblingValue = { field, value: form.value(field), error: form.check(field, msg.brand as never).error };
      group.postMessage({ nonce: msg.nonce, reply });
    }
  }
});

function askSiblings(brand: string): Promise<Map<FieldName, SiblingValue>> {
  const found = new Map<FieldName, SiblingValue>();
  if (!group) return Promise.resolve(found);
  const nonce = Math.random().toString(36).slice(2);
  return new Promise((resolve) => {
    const onReply = (e: MessageEvent): void => {
      const msg = asDict(e.data);
      if (msg.nonce !== nonce) return;
      const reply = msg.reply as SiblingValue;
      found.set(reply.field, reply);
      if (found.size === 2) finish();
    };
    const finish = (): void => {
      group.removeEventListener("message", onReply);
      resolve(found);
    };
    group.addEventListener("message", onReply);
    group.postMessage({ ask: "values", nonce, brand });
    setTimeout(finish, 400);
  });
}

// ---- collecting card data and talking to the API -----------------------------------------------

interface CardData {
  number: string;
  expiry: string;
  cvc: string;
  postal?: string;
}

function validationError(err: FieldError): { error: ClientError } {
  return { error: { type: "validation_error", code: err.code, message: err.message } };
}

async function collect(): Promise<{ card: CardData } | { error: ClientError }> {
  if (config.type === "cardExpiry" || config.type === "cardCvc") {
    return { error: { type: "integration_error", message: "Pass the cardNumber Element (not cardExpiry or cardCvc) to create a PaymentMethod or token." } };
  }
  form.touchAll();
  emitChange();
  const own = form.firstError();
  if (own) return validationError(own);
  const card: CardData = { number: digitsOnly(form.value("number")), expiry: form.value("expiry"), cvc: form.value("cvc") };
  if (form.has("postal")) card.postal = form.value("postal").trim();
  if (config.type === "cardNumber") {
    const siblings = await askSiblings(form.brand());
    for (const field of ["expiry", "cvc"] as const) {
      const s = siblings.get(field);
      if (!s) {
        return { error: { type: "integration_error", message: `No mounted card${field === "expiry" ? "Expiry" : "Cvc"} Element was found in this Elements group.` } };
      }
      if (s.error) return validationError(s.error);
      card[field] = s.value;
    }
  }
  return { card };
}

function cardParams(card: CardData): Dict {
  const exp = parseExpiry(card.expiry)!;
  return { number: card.number, exp_month: exp.month, exp_year: exp.year, cvc: card.cvc };
}

function billingDetails(card: CardData, given: unknown): Dict {
  const details = { ...asDict(given) };
  if (card.postal) details.address = { ...asDict(details.address), postal_code: card.postal };
  return details;
}

async function createBankPaymentMethod(form: BankForm, args: unknown): Promise<unknown> {
  form.touchAll();
  emitChange();
  const err = form.firstError();
  if (err) return { error: { type: "validation_error", ...err } };
  const d = form.details();
  const a = asDict(args);
  const params: Dict = {
    type: "us_bank_account",
    us_bank_account: { routing_number: d.routing, account_number: d.account, account_holder_type: "individual" },
    billing_details: { ...asDict(a.billing_details), name: d.name },
  };
  if (a.metadata) params.metadata = a.metadata;
  const reply = await callApi(auth, "POST", "/v1/payment_methods", params);
  if (reply.body.error) return { error: reply.body.error };
  return { paymentMethod: reply.body };
}

async function createPaymentMethod(args: unknown): Promise<unknown> {
  if (bank && method === "us_bank_account") return createBankPaymentMethod(bank, args);
  const collected = await collect();
  if ("error" in collected) return collected;
  const a = asDict(args);
  const params: Dict = { type: "card", card: cardParams(collected.card) };
  const billing = billingDetails(collected.card, a.billing_details);
  if (Object.keys(billing).length) params.billing_details = billing;
  if (a.metadata) params.metadata = a.metadata;
  const reply = await callApi(auth, "POST", "/v1/payment_methods", params);
  if (reply.body.error) return { error: reply.body.error };
  return { paymentMethod: reply.body };
}

async function createToken(args: unknown): Promise<unknown> {
  const collected = await collect();
  if ("error" in collected) return collected;
  const card: Dict = { ...cardParams(collected.card) };
  const data = asDict(args);
  for (const [k, v] of Object.entries(data)) if (typeof v === "string" && k !== "number" && k !== "cvc") card[k] = v;
  if (collected.card.postal && !card.address_zip) card.address_zip = collected.card.postal;
  const reply = await callApi(auth, "POST", "/v1/tokens", { card });
  if (reply.body.error) return { error: reply.body.error };
  return { token: reply.body };
}

function onEmailCommand(form: EmailForm, command: string, args: unknown): unknown {
  switch (command) {
    case "validate": {
      const message = form.touch();
      emitChange();
      return message ? { error: { type: "validation_error", code: "incomplete_email", message } } : { complete: true };
    }
    case "focus":
      form.focus();
      return {};
    case "blur":
      (document.activeElement as HTMLElement | null)?.blur();
      return {};
    case "clear":
      form.clear();
      emitChange();
      return {};
    case "update":
      options = { ...options, ...asDict(args) };
      installStyle(config.type, options);
      form.setDisabled(options.disabled === true || options.readOnly === true);
      return {};
    default:
      return { error: { type: "integration_error", message: `The linkAuthentication Element cannot ${command}.` } };
  }
}

function onCommand(command: string, args: unknown): unknown {
  if (email) return onEmailCommand(email, command, args);
  switch (command) {
    case "validate": {
      if (bank && method === "us_bank_account") {
        bank.touchAll();
        emitChange();
        const bankError = bank.firstError();
        return bankError ? { error: { type: "validation_error", ...bankError } } : { complete: true };
      }
      form.touchAll();
      emitChange();
      const err = form.firstError();
      return err ? validationError(err) : { complete: true };
    }
    case "createPaymentMethod":
      return createPaymentMethod(args);
    case "createToken":
      return createToken(args);
    case "focus":
      form.focusFirst();
      return {};
    case "blur":
      (document.activeElement as HTMLElement | null)?.blur();
      return {};
    case "clear":
      bank?.clear();
      form.clear();
      return {};
    case "update": {
      options = { ...options, ...asDict(args) };
      installStyle(config.type, options);
      form.setDisabled(options.disabled === true || options.readOnly === true);
      return {};
    }
    default:
      return { error: { type: "integration_error", message: `Unknown command ${command}` } };
  }
}

build();
new ResizeObserver(() => link.post({ kind: "height", height: Math.ceil(document.body.getBoundingClientRect().height) })).observe(
  document.body,
);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") link.post({ kind: "escape" });
});
// The initial (empty) state is not announced: Stripe.js sends `change` only when something changes.
lastState = JSON.stringify(currentState());
link.post({ kind: "ready" });
