import { env } from "@/lib/env";

/**
 * The address of the connection, stamped on every request by the server itself (see
 * recordPeerAddresses): a header of this name sent by a client is overwritten, never trusted.
 */
export const PEER_HEADER = "x-coursemarket-peer";

/**
 * The client's IP address for per-address limits. Behind TRUSTED_PROXY_HOPS proxies that each
 * append to X-Forwarded-For, the entry the outermost trusted proxy appended (that many from the
 * right) is the client; entries further left were written by the client and can be anything.
 * With no trusted proxy (the default) X-Forwarded-For is ignored: the connection's own address
 * counts.
 */
export function clientAddress(headers: Headers): string {
  const hops = env().TRUSTED_PROXY_HOPS;
  if (hops > 0) {
    const forwarded = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const fromProxy = forwarded[forwarded.length - hops];
    if (fromProxy) return fromProxy;
  }
  return headers.get(PEER_HEADER) ?? "unknown";
}
