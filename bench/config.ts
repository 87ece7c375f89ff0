// Every knob of `npm run bench`, read once from the environment; the defaults are the figures
// the benchmark is specified with (issue 7), shorter values make a quick trial run.
import path from "node:path";

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return value;
}

export const TMP_DIR = path.resolve("bench", ".tmp");
const LATEST_RESULTS_FILE = path.resolve("bench", "results", "latest.json");
/** Where a partial run (BENCH_ONLY) writes, so it never replaces the committed full results. */
const PARTIAL_RESULTS_FILE = path.join(TMP_DIR, "partial.json");

export const benchConfig = {
  appPort: whole("BENCH_PORT", 3121),
  staticPort: whole("BENCH_STATIC_PORT", 3122),
  emulatorPort: whole("BENCH_EMULATOR_PORT", 12221),
  /** The local mail catcher the app sends its sale emails to, as `npm start` does. */
  mailSmtpPort: whole("BENCH_MAIL_SMTP_PORT", 12223),
  mailHttpPort: whole("BENCH_MAIL_HTTP_PORT", 12224),
  /** Generated courses in the catalogue (issue 16 measures search and filters at 100,000). */
  courses: whole("BENCH_COURSES", 100_000),
  /** Seconds of load per catalogue target. */
  durationSeconds: whole("BENCH_DURATION", 20),
  connections: whole("BENCH_CONNECTIONS", 50),
  /** Purchases in each of the sequential and concurrent runs. */
  purchases: whole("BENCH_PURCHASES", 50),
  /** Purchases in flight in the concurrent run; 0 = all of them at once. */
  purchaseConcurrency: whole("BENCH_PURCHASE_CONCURRENCY", 0),
  webhookEvents: whole("BENCH_WEBHOOK_EVENTS", 10_000),
  webhookConcurrency: whole("BENCH_WEBHOOK_CONCURRENCY", 50),
  webhookDuplicatePercent: whole("BENCH_WEBHOOK_DUPLICATE_PERCENT", 10),
  profile: process.env.BENCH_PROFILE === "1",
  /** Only these parts, comma-separated (catalogue, purchases, webhooks, weight); all when unset. */
  only: (process.env.BENCH_ONLY ?? "").split(",").map((part) => part.trim()).filter(Boolean),
};

export type BenchConfig = typeof benchConfig;

export const RESULTS_FILE = benchConfig.only.length === 0 ? LATEST_RESULTS_FILE : PARTIAL_RESULTS_FILE;

export function runsPart(part: "catalogue" | "purchases" | "webhooks" | "weight"): boolean {
  return benchConfig.only.length === 0 || benchConfig.only.includes(part);
}
