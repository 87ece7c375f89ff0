// Bundles the browser sources in ./client with esbuild on first request and keeps the result.
// esbuild is loaded lazily, so the rest of the emulator runs without it.
import path from "node:path";
import { fileURLToPath } from "node:url";

const CLIENT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "client");

export const ENTRIES = {
  "stripe-js": "stripe-js.ts",
  "card-frame": "card-frame.ts",
  controller: "controller-frame.ts",
  "three-d-secure": "three-d-secure-frame.ts",
} as const;

export type EntryName = keyof typeof ENTRIES;

const cache = new Map<EntryName, Promise<string>>();

async function build(name: EntryName): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [path.join(CLIENT_DIR, ENTRIES[name])],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["es2020"],
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  });
  return `/* Stripe emulator: Stripe.js stand-in (${ENTRIES[name]}). Test mode only. */\n${result.outputFiles[0].text}`;
}

export function bundle(name: EntryName): Promise<string> {
  let pending = cache.get(name);
  if (!pending) {
    pending = build(name);
    cache.set(name, pending);
    pending.catch(() => cache.delete(name));
  }
  return pending;
}

/** Starts every build in the background so the first page load does not wait for esbuild. */
export function warmBundles(): void {
  for (const name of Object.keys(ENTRIES) as EntryName[]) bundle(name).catch(() => {});
}
