import http from "node:http";
import { PEER_HEADER } from "./client-address";

let recording = false;

/**
 * Next.js hands route handlers the request's headers but not its socket, and keeps an
 * X-Forwarded-For the client sent itself. So the server stamps each request with the address
 * of the connection it came on before Next.js sees it, replacing any header of that name.
 */
export function recordPeerAddresses(): void {
  if (recording) return;
  recording = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "unknown";
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
