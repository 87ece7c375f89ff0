// Next's data cache (the catalogue's unstable_cache) shared by every instance through Redis, so
// a seller's edit expires the cached catalogue on all of them at once. next.config.mjs uses this
// file only when REDIS_URL is set; without it each process keeps its own cache in memory.
//
// Redis is a cache, never a dependency: the client connects in the background (a server whose
// Redis is down at start serves at once and joins the shared cache when Redis comes back) and
// fails fast while disconnected (no offline queue), so a page whose cache read fails is rendered
// from the database instead of waiting.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { createClient } from "redis";

const KEY = Symbol.for("coursemarket.cache-handler");

function sharedCache() {
  const client = createClient({
    url: process.env.REDIS_URL,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(250 * 2 ** retries, 5_000) },
  });
  let down = false;
  client.on("error", (error) => {
    if (down) return;
    down = true;
    console.warn(`Shared cache: Redis is unreachable (${error.message}); pages are served from the database until it is back.`);
  });
  client.on("ready", () => {
    if (down) console.warn("Shared cache: Redis is back.");
    down = false;
  });
  client.connect().catch(() => undefined);
  return { handlers: [createRedisHandler({ client, keyPrefix: "coursemarket:", timeoutMs: 1_000 })] };
}

CacheHandler.onCreation(() => {
  const store = globalThis;
  store[KEY] ??= sharedCache();
  return store[KEY];
});

export default CacheHandler;
