// On the merchant page: one mounted Element (card, payment, cardNumber, cardExpiry, cardCvc). It
// is an iframe served by the emulator; this object relays its events and asks it for PaymentMethods.
import { frameUrl } from "./bridge.js";
import { asDict, IntegrationError, notMounted, type Dict } from "./errors.js";
import { FrameChannel } from "./frame-channel.js";
import type { ElementState, FrameEvent } from "./protocol.js";

export type ElementType = "card" | "payment" | "cardNumber" | "cardExpiry" | "cardCvc" | "linkAuthentication";
export const ELEMENT_TYPES: readonly ElementType[] = ["card", "payment", "cardNumber", "cardExpiry", "cardCvc", "linkAuthentication"];

/** What an element needs from its Elements group. */
export interface ElementHost {
  readonly id: string;
  readonly origin: string;
  readonly publishableKey: string;
  readonly stripeAccount?: string;
  frameOptions(type: ElementType, options: Dict): Dict;
  remove(element: EmulatedElement): void;
}

type Handler = (event: unknown) => void;

const INITIAL_HEIGHT: Record<ElementType, number> = { card: 40, payment: 250, cardNumber: 40, cardExpiry: 40, cardCvc: 40, linkAuthentication: 70 };
const FRAME_TITLE: Partial<Record<ElementType, string>> = { payment: "Secure payment input frame", linkAuthentication: "Secure email input frame" };
const LOAD_TIMEOUT_MS = 15_000;
let frameCount = 0;

export class EmulatedElement {
  private handlers = new Map<string, Set<Handler>>();
  private container?: HTMLElement;
  private wrapper?: HTMLElement;
  private iframe?: HTMLIFrameElement;
  private channel?: FrameChannel;
  private destroyed = false;
  private state: ElementState = { complete: false, empty: true };

  constructor(private readonly host: ElementHost, readonly elementType: ElementType, private options: Dict) {}

  on(event: string, handler: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  once(event: string, handler: Handler): this {
    const wrapped: Handler = (e) => {
      this.off(event, wrapped);
      handler(e);
    };
    return this.on(event, wrapped);
  }

  off(event: string, handler?: Handler): this {
    if (!handler) this.handlers.delete(event);
    else this.handlers.get(event)?.delete(handler);
    return this;
  }

  mount(target: string | HTMLElement): void {
    if (this.destroyed) throw new IntegrationError("This Element has been destroyed; create a new one to mount it again.");
    if (this.iframe) throw new IntegrationError("This Element is already mounted. Call unmount() before mounting it elsewhere.");
    const container = typeof target === "string" ? document.querySelector<HTMLElement>(target) : target;
    if (!container || !(container instanceof HTMLElement)) {
      throw new IntegrationError(`Cannot mount the ${this.elementType} Element: ${String(target)} matches no element on the page.`);
    }
    this.container = container;
    container.classList.add("StripeElement", "StripeElement--empty");
    const wrapper = document.createElement("div");
    wrapper.className = "__PrivateStripeElement";
    wrapper.style.cssText = "margin:0;padding:0;border:none;display:block;background:transparent;position:relative;opacity:1";
    const iframe = document.createElement("iframe");
    iframe.name = `__privateStripeFrame${++frameCount}`;
    iframe.title = FRAME_TITLE[this.elementType] ?? "Secure card payment input frame";
    iframe.setAttribute("frameborder", "0");
    iframe.setAttribute("scrolling", "no");
    iframe.setAttribute("allowtransparency", "true");
    iframe.allow = "payment";
    iframe.style.cssText = `border:none;margin:0;padding:0;width:1px;min-width:100%;overflow:hidden;display:block;height:${INITIAL_HEIGHT[this.elementType]}px`;
    iframe.src = frameUrl(this.host.origin, "card-frame.html", {
      type: this.elementType,
      parentOrigin: location.origin,
      publishableKey: this.host.publishableKey,
      stripeAccount: this.host.stripeAccount,
      groupId: this.host.id,
      options: this.host.frameOptions(this.elementType, this.options),
    });
    this.channel = new FrameChannel(iframe, this.host.origin, (event) => this.onFrameEvent(event));
    wrapper.appendChild(iframe);
    container.appendChild(wrapper);
    this.wrapper = wrapper;
    this.iframe = iframe;
    if (this.elementType === "payment") this.emit("loaderstart", { elementType: this.elementType });
    const channel = this.channel;
    setTimeout(() => {
      if (this.channel === channel && !channel.ready) {
        this.emit("loaderror", {
          elementType: this.elementType,
          error: { type: "api_connection_error", message: `The ${this.elementType} Element could not be loaded from ${this.host.origin}.` },
        });
      }
    }, LOAD_TIMEOUT_MS);
  }

  unmount(): void {
    if (!this.iframe) return;
    this.channel?.close(notMounted());
    this.wrapper?.remove();
    this.container?.classList.remove(
      "StripeElement",
      "StripeElement--empty",
      "StripeElement--complete",
      "StripeElement--invalid",
      "StripeElement--focus",
    );
    this.channel = undefined;
    this.iframe = undefined;
    this.wrapper = undefined;
    this.container = undefined;
  }

  destroy(): void {
    if (this.destroyed) throw new IntegrationError("This Element has already been destroyed.");
    this.unmount();
    this.destroyed = true;
    this.handlers.clear();
    this.host.remove(this);
  }

  update(options: Dict): void {
    this.options = { ...this.options, ...asDict(options) };
    void this.channel?.send("update", this.host.frameOptions(this.elementType, asDict(options)));
  }

  focus(): void {
    void this.channel?.send("focus");
  }

  blur(): void {
    void this.channel?.send("blur");
  }

  clear(): void {
    void this.channel?.send("clear");
  }

  collapse(): void {}

  /** Internal: asks the frame to do something with the card data it holds. */
  _request(command: string, args?: unknown): Promise<Dict> {
    if (!this.channel) return Promise.resolve(notMounted());
    return this.channel.send(command, args) as Promise<Dict>;
  }

  /** Internal: the latest state the frame reported. */
  _state(): ElementState {
    return this.state;
  }

  private emit(event: string, payload: unknown): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        handler(payload);
      } catch (err) {
        setTimeout(() => {
          throw err;
        });
      }
    }
  }

  private setClass(name: string, on: boolean): void {
    this.container?.classList.toggle(`StripeElement--${name}`, on);
  }

  private onFrameEvent(event: FrameEvent): void {
    switch (event.kind) {
      case "ready":
        this.emit("ready", { elementType: this.elementType });
        break;
      case "change":
        this.state = event.state;
        this.setClass("empty", event.state.empty);
        this.setClass("complete", event.state.complete);
        this.setClass("invalid", Boolean(event.state.error));
        this.emit("change", {
          elementType: this.elementType,
          ...(this.elementType === "payment" ? { collapsed: false } : {}),
          ...event.state,
        });
        break;
      case "focus":
      case "blur":
        this.setClass("focus", event.kind === "focus");
        this.emit(event.kind, { elementType: this.elementType });
        break;
      case "escape":
        this.emit("escape", { elementType: this.elementType });
        break;
      case "height":
        if (this.iframe && event.height > 0) this.iframe.style.height = `${event.height}px`;
        break;
      default:
        break;
    }
  }
}
