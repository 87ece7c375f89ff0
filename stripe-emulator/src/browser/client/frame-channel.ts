// On the merchant page: a message channel to one emulator-served iframe. Messages are accepted only
// from that iframe's window and the emulator's origin; commands wait until the frame says "ready".
import { FRAME_SOURCE, isFromFrames, type FrameCommand, type FrameEvent } from "./protocol.js";

const channels = new Set<FrameChannel>();
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener("message", (e: MessageEvent) => {
    if (!isFromFrames(e.data)) return;
    for (const channel of channels) {
      if (e.source === channel.iframe.contentWindow && e.origin === channel.origin) {
        channel.receive(e.data as FrameEvent);
        return;
      }
    }
  });
}

export class FrameChannel {
  private isReady = false;
  private queue: FrameCommand[] = [];
  private pending = new Map<number, (result: unknown) => void>();
  private nextId = 1;
  private readyWaiters: Array<() => void> = [];

  constructor(
    readonly iframe: HTMLIFrameElement,
    readonly origin: string,
    private readonly onEvent: (event: FrameEvent) => void = () => {},
  ) {
    listen();
    channels.add(this);
  }

  get ready(): boolean {
    return this.isReady;
  }

  whenReady(): Promise<void> {
    return this.isReady ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  receive(event: FrameEvent): void {
    if (event.kind === "ready") {
      this.isReady = true;
      for (const cmd of this.queue.splice(0)) this.post(cmd);
      for (const resolve of this.readyWaiters.splice(0)) resolve();
    } else if (event.kind === "reply") {
      const resolve = this.pending.get(event.reqId);
      this.pending.delete(event.reqId);
      resolve?.(event.result);
      return;
    }
    this.onEvent(event);
  }

  /** Sends a command; resolves with the frame's reply (or `closedResult` if the frame goes away). */
  send(command: string, args?: unknown): Promise<unknown> {
    const cmd: FrameCommand = { source: FRAME_SOURCE, kind: "command", reqId: this.nextId++, command, args };
    return new Promise((resolve) => {
      this.pending.set(cmd.reqId, resolve);
      if (this.isReady) this.post(cmd);
      else this.queue.push(cmd);
    });
  }

  close(closedResult: unknown): void {
    channels.delete(this);
    for (const resolve of this.pending.values()) resolve(closedResult);
    this.pending.clear();
    this.queue = [];
  }

  private post(cmd: FrameCommand): void {
    this.iframe.contentWindow?.postMessage(cmd, this.origin);
  }
}
