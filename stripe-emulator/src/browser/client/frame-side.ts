// Inside an emulator-served frame: reads the frame's configuration from the URL fragment and
// talks to the merchant page that embeds it, accepting commands only from that page's origin.
import { FRAME_SOURCE, isFromFrames, type FrameCommand, type FrameEventBody } from "./protocol.js";

export function readConfig<T>(): T {
  return JSON.parse(decodeURIComponent(location.hash.slice(1) || "{}")) as T;
}

export interface ParentLink {
  post(event: FrameEventBody): void;
}

export function linkToParent(
  parentOrigin: string,
  onCommand: (command: string, args: unknown) => unknown,
): ParentLink {
  const post = (event: FrameEventBody): void => {
    if (window.parent === window) return;
    window.parent.postMessage({ source: FRAME_SOURCE, ...event }, parentOrigin);
  };
  window.addEventListener("message", async (e: MessageEvent) => {
    if (e.source !== window.parent || e.origin !== parentOrigin || !isFromFrames(e.data)) return;
    if (e.data.kind !== "command") return;
    const cmd = e.data as FrameCommand;
    let result: unknown;
    try {
      result = await onCommand(cmd.command, cmd.args);
    } catch (err) {
      result = { error: { type: "api_error", message: err instanceof Error ? err.message : String(err) } };
    }
    post({ kind: "reply", reqId: cmd.reqId, result });
  });
  return { post };
}
