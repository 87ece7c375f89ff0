// Messages exchanged between the merchant page (the stand-in's `Stripe` object) and the frames the
// emulator serves. Every message carries `source: FRAME_SOURCE`; each side checks the sender's
// origin and window before it reads one.

export const FRAME_SOURCE = "stripe-emulator";

/** What the stand-in reports for an element's state (the `change` event minus `elementType`). */
export interface ElementState {
  complete: boolean;
  empty: boolean;
  error?: ClientError;
  brand?: string;
  value?: Record<string, unknown>;
}

/** Stripe.js's error shape as callers receive it. */
export interface ClientError {
  type: string;
  code?: string;
  decline_code?: string;
  message?: string;
  param?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  [key: string]: unknown;
}

/** Frame → parent. */
export type FrameEvent =
  | { source: typeof FRAME_SOURCE; kind: "ready" }
  | { source: typeof FRAME_SOURCE; kind: "change"; state: ElementState }
  | { source: typeof FRAME_SOURCE; kind: "focus" | "blur" | "escape" }
  | { source: typeof FRAME_SOURCE; kind: "height"; height: number }
  | { source: typeof FRAME_SOURCE; kind: "result"; result: unknown }
  | { source: typeof FRAME_SOURCE; kind: "reply"; reqId: number; result: unknown };

/** A frame event without the `source` marker, as a frame passes it to `post`. */
export type FrameEventBody = FrameEvent extends infer E ? (E extends FrameEvent ? Omit<E, "source"> : never) : never;

/** Parent → frame. */
export interface FrameCommand {
  source: typeof FRAME_SOURCE;
  kind: "command";
  reqId: number;
  command: string;
  args?: unknown;
}

/** Reply of the API controller frame: the HTTP status and parsed JSON body of one request. */
export interface ApiReply {
  status: number;
  body: Record<string, unknown>;
}

export function isFromFrames(data: unknown): data is { source: string; kind: string } {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as { source?: unknown }).source === FRAME_SOURCE &&
    typeof (data as { kind?: unknown }).kind === "string"
  );
}
