// `npm run stack`: a local production-like stack to try several instances: PostgreSQL (the
// machine's server, or DATABASE_URL), Redis (started from the machine's redis-server on
// STACK_REDIS_PORT, or REDIS_URL), the Stripe emulator, the mail catcher, N app instances of one
// build on PostgreSQL (STACK_INSTANCES, 2) and a round-robin load balancer in front of them.
// The multi-instance test (tests/multi-instance) starts the same stack.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseProviderOf, LOCAL_POSTGRES_URL } from "../lib/database-url";
import { buildIfNeeded, nextCli } from "./build-if-needed";
import { startEmulatorProcess } from "./emulator-process";
import { startLoadBalancer, type LoadBalancer } from "./load-balancer";
import { startMailCatcherProcess } from "./mail-catcher-process";
import { dropPostgresDatabase, migratePostgres } from "./prepare-database";

export interface StackOptions {
  /** postgresql:// URL of the stack's database; created when missing (through the same server's `postgres` database). */
  databaseUrl: string;
  /** Start from an empty database (tests). */
  freshDatabase?: boolean;
  redisUrl?: string;
  redisPort: number;
  instances: number;
  /** Port of the balancer; instances listen on the next ones. */
  balancerPort: number;
  emulatorPort: number;
  mailSmtpPort: number;
  mailHttpPort: number;
  /** Where the emulator sends webhooks: the balancer (default) or one instance (index), for tests. */
  webhookInstance?: number;
  /** Extra environment for every instance. */
  appEnv?: Record<string, string>;
  /** Where the secrets of the stack are kept between starts. */
  secretsFile: string;
  quiet?: boolean;
}

export interface AppInstance {
  url: string;
  port: number;
  child: ChildProcess;
  /** Starts it again after a stop (same port and environment). */
  restart(): Promise<void>;
}

export interface Stack {
  balancer: LoadBalancer;
  instances: AppInstance[];
  databaseUrl: string;
  redisUrl: string;
  emulatorUrl: string;
  mailUrl: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

function stackSecrets(file: string): { AUTH_SECRET: string; NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string } {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(path.dirname(file), { recursive: true });
  const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64") };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

async function waitFor(url: string, child: ChildProcess | null, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what} did not answer at ${url}`);
}

async function startRedis(port: number, quiet: boolean): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("error", () => reject(new Error("redis-server is not installed: apt-get install -y redis-server, or set REDIS_URL")));
    setTimeout(resolve, 300);
  });
  return child;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
  };
  try {
    buildIfNeeded();
    // Tests start from an empty database; the stack's own keeps its data between starts.
    if (options.freshDatabase) await dropPostgresDatabase(options.databaseUrl);
    // Creates the database when missing, then applies the migrations.
    await migratePostgres(options.databaseUrl);

    let redisUrl = options.redisUrl;
    if (!redisUrl) {
      children.push(await startRedis(options.redisPort, !!options.quiet));
      redisUrl = `redis://127.0.0.1:${options.redisPort}`;
    }

    const balancerUrl = `http://localhost:${options.balancerPort}`;
    const ports = Array.from({ length: options.instances }, (_, i) => options.balancerPort + 1 + i);
    const webhookTarget = options.webhookInstance === undefined ? balancerUrl : `http://localhost:${ports[options.webhookInstance]}`;
    const emulator = await startEmulatorProcess({ port: options.emulatorPort, appUrl: webhookTarget });
    children.push(emulator.child);
    const mail = await startMailCatcherProcess({ smtpPort: options.mailSmtpPort, httpPort: options.mailHttpPort });
    children.push(mail.child);

    const env: Record<string, string> = {
      ...stackSecrets(options.secretsFile),
      ...emulator.appEnv,
      ...mail.appEnv,
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: redisUrl,
      APP_URL: balancerUrl,
      // The balancer appends the client's address to X-Forwarded-For (login and sign-up limits per address).
      TRUSTED_PROXY_HOPS: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.appEnv,
    };
    Object.assign(process.env, env);
    const { seedDemoData, isDatabaseEmpty } = await import("../prisma/seed");
    if (await isDatabaseEmpty()) await seedDemoData();
    const { connectDemoSellerOnEmulator } = await import("../prisma/seed-stripe");
    await connectDemoSellerOnEmulator();

    const instances: AppInstance[] = ports.map((port) => {
      const instance: AppInstance = {
        port,
        url: `http://localhost:${port}`,
        child: null as unknown as ChildProcess,
        async restart() {
          instance.child = spawn(nextCli, ["start", "-p", String(port)], {
            stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
            env: { ...process.env, ...env, PORT: String(port) },
          });
          children.push(instance.child);
          await waitFor(`${instance.url}/api/health`, instance.child, `app instance on port ${port}`);
        },
      };
      return instance;
    });
    await Promise.all(instances.map((instance) => instance.restart()));
    const balancer = await startLoadBalancer(
      instances.map((instance) => `http://127.0.0.1:${instance.port}`),
      options.balancerPort,
    );
    return {
      balancer: { ...balancer, url: balancerUrl },
      instances,
      databaseUrl: options.databaseUrl,
      redisUrl,
      emulatorUrl: emulator.appEnv.STRIPE_API_URL!,
      mailUrl: mail.pageUrl.replace(/\/$/, ""),
      env,
      async stop() {
        await balancer.close();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  const stack = await startStack({
    databaseUrl: url && databaseProviderOf(url) === "postgresql" ? url : LOCAL_POSTGRES_URL.replace(/\/postgres$/, "/coursemarket_stack"),
    redisUrl: process.env.REDIS_URL,
    redisPort: Number(process.env.STACK_REDIS_PORT || 6390),
    instances: Number(process.env.STACK_INSTANCES || 2),
    balancerPort: Number(process.env.PORT || 3000),
    emulatorPort: Number(process.env.STRIPE_EMULATOR_PORT || 12111),
    mailSmtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
    mailHttpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080),
    secretsFile: path.join("data", "stack-secrets.json"),
  });
  console.log(`Coursemarket stack: ${stack.balancer.url} balancing ${stack.instances.map((i) => i.url).join(", ")}`);
  console.log(`  PostgreSQL ${new URL(stack.databaseUrl).host}${new URL(stack.databaseUrl).pathname}, Redis ${stack.redisUrl}, Stripe emulator ${stack.emulatorUrl}, mail ${stack.mailUrl}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void stack.stop().then(() => process.exit(0)));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
