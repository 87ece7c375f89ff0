// The system under test: the Stripe emulator (no added latency), a throw-away database (SQLite in
// bench/.tmp, or a cm_bench_<port> database on a PostgreSQL server) seeded with the demo data and
// generated courses, and `next start` on the production build: one instance, or (`--instances`) two
// with a load balancer in front of the first alone and one in front of both.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { nextCli } from "../scripts/build-if-needed";
import { startEmulatorProcess } from "../scripts/emulator-process";
import { startMailCatcherProcess } from "../scripts/mail-catcher-process";
import { dropPostgresDatabase, migrateDatabase, migratePostgres } from "../scripts/prepare-database";
import { TMP_DIR, type BenchConfig } from "./config";

export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  database: "sqlite" | "postgres";
  sellerAccountId: string;
  /** The (first) `next start` process, for its CPU time. */
  appPid: number;
  /** Every instance's process. */
  instancePids: number[];
  /** With two instances: a balancer in front of the first alone, and one in front of both (processes of their own). */
  balancers: { one: string; two: string; onePid: number; twoPid: number } | null;
  emulatorPid: number;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode} (see bench/.tmp/next.log)`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer ${url} within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startStack(config: BenchConfig, log: (line: string) => void, instances = 1): Promise<Stack> {
  mkdirSync(TMP_DIR, { recursive: true });
  const database = instances > 1 ? "postgres" : config.database;
  let databaseUrl: string;
  if (database === "postgres") {
    const url = new URL(config.postgresUrl);
    url.pathname = `/cm_bench_${config.appPort}`;
    databaseUrl = url.toString();
    // migratePostgres below creates it again, empty.
    await dropPostgresDatabase(databaseUrl);
  } else {
    const databaseFile = path.join(TMP_DIR, "bench.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });
    databaseUrl = `file:${databaseFile}`;
  }

  const appUrl = `http://127.0.0.1:${config.appPort}`;
  const children: ChildProcess[] = [];
  try {
    const emulator = await startEmulatorProcess({ port: config.emulatorPort, appUrl });
    children.push(emulator.child);
    // Sale emails really go out during the run (the app's background sender), as in `npm start`.
    const catcher = await startMailCatcherProcess({ smtpPort: config.mailSmtpPort, httpPort: config.mailHttpPort });
    children.push(catcher.child);
    // The bench process seeds through lib/, so it reads the same settings as the app it starts.
    Object.assign(process.env, emulator.appEnv, catcher.appEnv, {
      DATABASE_URL: databaseUrl,
      APP_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      DATA_DIR: TMP_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    if (database === "postgres") await migratePostgres(databaseUrl);
    else migrateDatabase();
    const { seedDemoData, seedGeneratedCourses } = await import("../prisma/seed");
    await seedDemoData();
    await seedGeneratedCourses(config.courses);
    log(`Seeded the demo data and ${config.courses} generated courses into ${database === "postgres" ? `PostgreSQL ${new URL(databaseUrl).pathname.slice(1)}` : "bench/.tmp/bench.db"}.`);
    const { connectDemoSellerOnEmulator } = await import("../prisma/seed-stripe");
    const sellerAccountId = await connectDemoSellerOnEmulator();
    if (!sellerAccountId) throw new Error("the demo seller could not be connected on the emulator");

    // Instances listen on BENCH_PORT and BENCH_PORT + 7; the balancers on BENCH_PORT + 5 and + 6.
    const ports = [config.appPort, config.appPort + 7].slice(0, instances);
    const servers: ChildProcess[] = [];
    for (const [index, port] of ports.entries()) {
      const startArgs = ["start", "-p", String(port), "-H", "127.0.0.1"];
      // BENCH_PROFILE=1 writes a V8 CPU profile of the app to bench/.tmp/profiles when it stops.
      const [command, args] = config.profile
        ? [process.execPath, ["--cpu-prof", "--cpu-prof-dir", path.join(TMP_DIR, "profiles"), path.resolve("node_modules", "next", "dist", "bin", "next"), ...startArgs]]
        : [nextCli, startArgs];
      const server = spawn(command, args, {
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, NODE_ENV: "production", ...(instances > 1 ? { TRUSTED_PROXY_HOPS: "1" } : {}) },
      });
      children.push(server);
      servers.push(server);
      const serverLog = createWriteStream(path.join(TMP_DIR, `next-${index + 1}.log`));
      server.stdout!.pipe(serverLog);
      server.stderr!.pipe(serverLog);
    }
    await Promise.all(servers.map((server, index) => waitForHealth(`http://127.0.0.1:${ports[index]}/api/health`, server)));
    let balancers: Stack["balancers"] = null;
    if (instances > 1) {
      const targets = ports.map((port) => `http://127.0.0.1:${port}`);
      const balancer = async (port: number, to: string[]) => {
        const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/load-balancer.ts", String(port), ...to], { stdio: "ignore" });
        children.push(child);
        await waitForHealth(`http://127.0.0.1:${port}/api/health`, child);
        return { url: `http://127.0.0.1:${port}`, pid: child.pid! };
      };
      const one = await balancer(config.appPort + 5, targets.slice(0, 1));
      const two = await balancer(config.appPort + 6, targets);
      balancers = { one: one.url, two: two.url, onePid: one.pid, twoPid: two.pid };
    }
    log(`next start on ${ports.map((port) => `127.0.0.1:${port}`).join(" and ")} (${database}), the Stripe emulator on ${emulator.appEnv.STRIPE_API_URL}.`);
    return {
      appUrl,
      emulatorUrl: emulator.appEnv.STRIPE_API_URL,
      database,
      sellerAccountId,
      appPid: servers[0].pid!,
      instancePids: servers.map((server) => server.pid!),
      balancers,
      emulatorPid: emulator.child.pid!,
      stop: async () => {
        await Promise.all(children.reverse().map(stopChild));
      },
    };
  } catch (error) {
    await Promise.all(children.map(stopChild));
    throw error;
  }
}
