import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-url";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().startsWith("file:").default(DEFAULT_DATABASE_URL),
  /** Public origin of the app, used for links and next-auth callbacks. */
  APP_URL: z.url().optional(),
  /** Signs session cookies. Generated into data/ on first use when not set. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Where the generated secret is kept when AUTH_SECRET is not set. */
  DATA_DIR: z.string().default("data"),
});

export type Env = z.infer<typeof schema> & { APP_URL: string; AUTH_SECRET: string };

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

function parseEnv(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join("\n  ")}`);
  }
  const values = parsed.data;
  return {
    ...values,
    APP_URL: values.APP_URL ?? `http://localhost:${values.PORT}`,
    AUTH_SECRET: values.AUTH_SECRET ?? loadOrCreateSecret(values.DATA_DIR),
  };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
