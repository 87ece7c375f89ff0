// On the merchant page: the emulator's API reached through a hidden controller frame on the
// emulator's origin (see controller-frame.ts), one per Stripe instance, created on first use.
import { FrameChannel } from "./frame-channel.js";
import type { Params } from "./form.js";
import type { ApiReply } from "./protocol.js";

export type Api = (method: "GET" | "POST", path: string, params?: Params) => Promise<ApiReply>;

const TIMEOUT_MS = 30_000;

export function frameUrl(origin: string, page: string, config: object): string {
  return `${origin}/elements/${page}#${encodeURIComponent(JSON.stringify(config))}`;
}

export function createApiBridge(origin: string, publishableKey: string, stripeAccount?: string): Api {
  let channel: FrameChannel | null = null;
  const open = (): FrameChannel => {
    const iframe = document.createElement("iframe");
    iframe.title = "Stripe emulator controller";
    iframe.setAttribute("aria-hidden", "true");
    iframe.tabIndex = -1;
    iframe.style.cssText = "position:absolute;width:1px;height:1px;border:0;left:-9999px;top:0;visibility:hidden";
    iframe.src = frameUrl(origin, "controller.html", { parentOrigin: location.origin, publishableKey, stripeAccount });
    (document.body ?? document.documentElement).appendChild(iframe);
    return new FrameChannel(iframe, origin);
  };
  return (method, path, params = {}) => {
    channel ??= open();
    const call = channel.send("api", { method, path, params }) as Promise<ApiReply>;
    const timeout = new Promise<ApiReply>((resolve) =>
      setTimeout(
        () =>
          resolve({
            status: 0,
            body: { error: { type: "api_connection_error", message: `No answer from the Stripe emulator at ${origin}.` } },
          }),
        TIMEOUT_MS,
      ),
    );
    return Promise.race([call, timeout]);
  };
}
