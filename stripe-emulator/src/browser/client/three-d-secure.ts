// On the merchant page: the 3-D Secure modal. A dimmed overlay holds an iframe with the emulator's
// test authentication page; it resolves with the emulator's answer once the person has chosen.
import { frameUrl } from "./bridge.js";
import type { Dict } from "./errors.js";
import { FrameChannel } from "./frame-channel.js";
import type { ApiReply } from "./protocol.js";

export interface ThreeDSecureRequest {
  origin: string;
  publishableKey: string;
  stripeAccount?: string;
  clientSecret: string;
  intent: Dict;
}

export function openThreeDSecure(req: ThreeDSecureRequest): Promise<ApiReply> {
  return new Promise((resolve) => {
    const overlay = document.createElement("div");
    overlay.setAttribute("data-stripe-emulator", "three-d-secure");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Card authentication");
    overlay.style.cssText =
      "position:fixed;inset:0;z-index:2147483647;display:flex;align-items:center;justify-content:center;" +
      "background:rgba(15,23,42,.55);padding:16px;box-sizing:border-box";
    const box = document.createElement("div");
    box.style.cssText =
      "width:min(460px,100%);height:min(520px,100%);background:#fff;border-radius:10px;overflow:hidden;" +
      "box-shadow:0 24px 60px rgba(0,0,0,.35)";
    const iframe = document.createElement("iframe");
    iframe.title = "Card authentication (test)";
    iframe.style.cssText = "border:0;width:100%;height:100%;display:block";
    iframe.src = frameUrl(req.origin, "3ds.html", {
      parentOrigin: location.origin,
      publishableKey: req.publishableKey,
      stripeAccount: req.stripeAccount,
      intentId: req.intent.id,
      clientSecret: req.clientSecret,
      amount: req.intent.amount,
      currency: req.intent.currency,
    });
    box.appendChild(iframe);
    overlay.appendChild(box);
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    const channel = new FrameChannel(iframe, req.origin, (event) => {
      if (event.kind === "ready") iframe.focus();
      if (event.kind !== "result") return;
      channel.close(undefined);
      overlay.remove();
      document.body.style.overflow = previousOverflow;
      resolve(event.result as ApiReply);
    });
    document.body.appendChild(overlay);
  });
}
