import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseProviderOf } from "./database-url";
import { parsePercentToBasisPoints } from "./money";

/** The local mail catcher's SMTP port (scripts/mail-catcher.ts), used when SMTP_URL is not set. */
export const DEFAULT_SMTP_URL = "smtp://127.0.0.1:1025";

const milliseconds = (fallback: number) => z.coerce.number().int().min(0).max(3_600_000).default(fallback);

/** The database: read on its own by lib/db.ts, so scripts that only need the database parse only these. */
const databaseSchema = z.object({
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
  /** PostgreSQL: connections one app process may hold. N instances hold up to N times this. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  /** PostgreSQL: how long a query or transaction waits for a free connection before failing. */
  DATABASE_POOL_TIMEOUT_MS: milliseconds(10_000),
  /** PostgreSQL: an idle connection is closed after this long. */
  DATABASE_IDLE_TIMEOUT_MS: milliseconds(30_000),
  /** PostgreSQL: the server cancels a statement that runs longer (0: no limit). */
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(30_000),
  /** PostgreSQL: an interactive transaction open longer than this is rolled back. */
  DATABASE_TRANSACTION_TIMEOUT_MS: milliseconds(15_000),
});

const schema = databaseSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public origin of the app, used for links and next-auth callbacks. */
  APP_URL: z.url().optional(),
  /** Signs session cookies. Generated into data/ on first use when not set. */
  AUTH_SECRET: z.string().min(32).optional(),
  /**
   * How many proxies in front of the app append to X-Forwarded-For (a load balancer, a CDN).
   * 0: the app is reached directly and X-Forwarded-For is ignored. Per-address login and
   * registration limits read the client's address by this rule (lib/security/client-address.ts).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Where the generated secret is kept when AUTH_SECRET is not set. */
  DATA_DIR: z.string().default("data"),

  /** Unset: the app talks to the local Stripe emulator with its built-in test keys. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key").optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_/, "must be a Stripe publishable key").optional(),
  /** Base URL of a Stripe-compatible API (the emulator); unset means Stripe itself. */
  STRIPE_API_URL: z.url().optional(),
  /** Signing secrets of the platform and the Connect webhook endpoints. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  STRIPE_CONNECT_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** How long one Stripe request may take before stripe-node gives up (and retries it with the same key). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** The platform's Connect OAuth client ID (ca_...). */
  STRIPE_CONNECT_CLIENT_ID: z.string().startsWith("ca_").optional(),

  /** The platform fee until an admin sets one: a percentage with at most two decimals, parsed to basis points. */
  PLATFORM_FEE_PERCENT: z
    .string()
    .default("10")
    .transform((text, ctx) => {
      const parsed = parsePercentToBasisPoints(text);
      if (parsed.ok) return parsed.minor;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  /** How sellers' courses are charged until an admin chooses: destination or direct charges. */
  PLATFORM_CHARGE_TYPE: z.enum(["destination", "direct"]).default("destination"),

  /** Where mail is sent (smtp:// or smtps://, credentials in the URL); the default is the local mail catcher. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).default(DEFAULT_SMTP_URL),
  /** The sender of every email. */
  MAIL_FROM: z.string().min(3).default("Coursemarket <no-reply@coursemarket.local>"),

  /** Where lesson videos and files are kept: disk (DATA_DIR/files, one machine) or s3 (shared by several instances). */
  STORAGE_BACKEND: z.enum(["disk", "s3"]).default("disk"),
  /** With STORAGE_BACKEND=s3: the bucket, its region, and for S3-compatible stores the endpoint URL. */
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.url().optional(),
  /** Path-style URLs (endpoint/bucket/key): what MinIO, s3rver and most S3-compatible stores need. */
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Unset: the AWS SDK's own chain (environment, profile, instance role). */
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** How long a signed download link lives; it is issued only after the access check. */
  S3_SIGNED_URL_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** Upload limits in megabytes (1 MB = 1,048,576 bytes). */
  UPLOAD_MAX_VIDEO_MB: z.coerce.number().int().min(1).max(20_000).default(2048),
  UPLOAD_MAX_FILE_MB: z.coerce.number().int().min(1).max(20_000).default(100),
  /** The merchant of record printed on receipts (the platform: it takes the buyers' payments). */
  MERCHANT_NAME: z.string().trim().min(1).max(200).default("Coursemarket"),
  /** Its postal address on receipts, lines separated by ";" (e.g. "1 Main St; Springfield, IL 62701; USA"). */
  MERCHANT_ADDRESS: z.string().max(500).default(""),

  /** How often one instance settles from Stripe what missed webhooks left pending (0: never). */
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),

  /** Several instances: Next's data cache is shared through this Redis; unset, each process keeps its own. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /**
   * Encrypts server actions' closed-over values; must be the same for every build serving the
   * site (base64 of 32 bytes, e.g. `openssl rand -base64 32`). Read by Next.js at build time.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine((key) => Buffer.from(key, "base64").length === 32, "must be base64 of 32 random bytes (openssl rand -base64 32)")
    .optional(),
});

export const EMULATOR_URL = "http://127.0.0.1:12111";
const EMULATOR_SECRET_KEY = "sk_test_emulator";
const EMULATOR_PUBLISHABLE_KEY = "pk_test_emulator";
const EMULATOR_CONNECT_CLIENT_ID = "ca_emulator_platform_client_id";

export interface StripeConfig {
  secretKey: string;
  publishableKey: string;
  /** Set when the API is the emulator (or another Stripe-compatible server). */
  apiUrl?: string;
  /** The Stripe.js stand-in served by the emulator; unset for real Stripe (loadStripe injects it). */
  stripeJsUrl?: string;
  /** Where OAuth authorize links go: Stripe's Connect site or the emulator. */
  connectUrl: string;
  connectClientId?: string;
  webhookSecret?: string;
  connectWebhookSecret?: string;
  usesEmulator: boolean;
  timeoutMs: number;
}

export type ChargeType = "destination" | "direct";

/** What applies until an admin saves the platform settings. */
export interface PlatformDefaults {
  feeBasisPoints: number;
  chargeType: ChargeType;
}

export type Env = z.infer<typeof schema> & {
  APP_URL: string;
  AUTH_SECRET: string;
  stripe: StripeConfig;
  platformDefaults: PlatformDefaults;
  uploadLimits: UploadLimits;
  merchant: Merchant;
};

export interface UploadLimits {
  videoBytes: number;
  fileBytes: number;
}

/** Who the receipts say was paid. */
export interface Merchant {
  name: string;
  addressLines: string[];
}

/** The zero-set-up secret of a local SQLite install: generated once into data/, kept across restarts. */
export function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

function parsed<T extends z.ZodType>(shape: T): z.infer<T> {
  const result = shape.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  return result.data;
}

/**
 * What must be set rather than generated or defaulted: a secret generated into data/ on one
 * machine signs sessions the other instances cannot read, and one encryption key per build
 * breaks server actions posted to another build.
 */
function requiredSecretsProblems(values: z.infer<typeof schema>): string[] {
  const problems: string[] = [];
  const postgres = databaseProviderOf(values.DATABASE_URL) === "postgresql";
  // `next build` prerenders with NODE_ENV=production; a build needs no session secret.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  if (!values.AUTH_SECRET && (postgres || (values.NODE_ENV === "production" && !building))) {
    const why = postgres ? "the database is PostgreSQL" : "NODE_ENV is production";
    problems.push(`AUTH_SECRET is required when ${why} (at least 32 characters, the same on every instance; e.g. openssl rand -base64 32)`);
  }
  if (!values.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY && values.REDIS_URL) {
    problems.push(
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required when several instances serve the site (REDIS_URL is set): base64 of 32 bytes, the same for every build (e.g. openssl rand -base64 32)",
    );
  }
  return problems;
}

function parseEnv(): Env {
  const values = parsed(schema);
  const problems = requiredSecretsProblems(values);
  if (values.STORAGE_BACKEND === "s3" && !values.S3_BUCKET) problems.push("S3_BUCKET is required with STORAGE_BACKEND=s3");
  if (problems.length) throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  return {
    ...values,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
    AUTH_SECRET: values.AUTH_SECRET ?? loadOrCreateSecret(values.DATA_DIR),
    stripe: stripeConfig(values),
    platformDefaults: { feeBasisPoints: values.PLATFORM_FEE_PERCENT, chargeType: values.PLATFORM_CHARGE_TYPE },
    uploadLimits: { videoBytes: values.UPLOAD_MAX_VIDEO_MB * 1024 * 1024, fileBytes: values.UPLOAD_MAX_FILE_MB * 1024 * 1024 },
    merchant: {
      name: values.MERCHANT_NAME,
      addressLines: values.MERCHANT_ADDRESS.split(";").map((line) => line.trim()).filter(Boolean),
    },
  };
}

function stripeConfig(values: z.infer<typeof schema>): StripeConfig {
  const usesEmulator = !values.STRIPE_SECRET_KEY || !!values.STRIPE_API_URL;
  if (values.STRIPE_SECRET_KEY && !values.STRIPE_API_URL && !values.STRIPE_PUBLISHABLE_KEY) {
    throw new Error("Invalid environment configuration:\n  STRIPE_PUBLISHABLE_KEY is required with STRIPE_SECRET_KEY");
  }
  const apiUrl = usesEmulator ? (values.STRIPE_API_URL ?? EMULATOR_URL).replace(/\/$/, "") : undefined;
  return {
    secretKey: values.STRIPE_SECRET_KEY ?? EMULATOR_SECRET_KEY,
    publishableKey: values.STRIPE_PUBLISHABLE_KEY ?? EMULATOR_PUBLISHABLE_KEY,
    apiUrl,
    stripeJsUrl: apiUrl ? `${apiUrl}/v3/stripe.js` : undefined,
    connectUrl: apiUrl ?? "https://connect.stripe.com",
    connectClientId: values.STRIPE_CONNECT_CLIENT_ID ?? (usesEmulator ? EMULATOR_CONNECT_CLIENT_ID : undefined),
    webhookSecret: values.STRIPE_WEBHOOK_SECRET,
    connectWebhookSecret: values.STRIPE_CONNECT_WEBHOOK_SECRET,
    usesEmulator,
    timeoutMs: values.STRIPE_TIMEOUT_MS,
  };
}

export interface DatabaseSettings {
  pool: { max: number; connectionTimeoutMillis: number; idleTimeoutMillis: number; statementTimeoutMillis: number };
  transactions: { maxWait: number; timeout: number };
}

/** Pool and transaction limits from the environment (only the database variables are read). */
export function databaseSettings(): DatabaseSettings {
  const values = parsed(databaseSchema);
  return {
    pool: {
      max: values.DATABASE_POOL_MAX,
      connectionTimeoutMillis: values.DATABASE_POOL_TIMEOUT_MS,
      idleTimeoutMillis: values.DATABASE_IDLE_TIMEOUT_MS,
      statementTimeoutMillis: values.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    transactions: { maxWait: values.DATABASE_POOL_TIMEOUT_MS, timeout: values.DATABASE_TRANSACTION_TIMEOUT_MS },
  };
}

/** Throws the configuration's problems now (start-up scripts), without keeping the result. */
export function checkEnvironment(): void {
  parseEnv();
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
