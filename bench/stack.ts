// The system under test: the Stripe emulator (no added latency), a throw-away SQLite database
// seeded with the demo data and generated courses, and `next start` on the production build.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { nextCli } from "../scripts/build-if-needed";
import { startEmulatorProcess } from "../scripts/emulator-process";
import { startMailCatcherProcess } from "../scripts/mail-catcher-process";
import { migrateDatabase } from "../scripts/prepare-database";
import { TMP_DIR, type BenchConfig } from "./config";

export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  databaseFile: string;
  sellerAccountId: string;
  /** The `next start` process, for its CPU time. */
  appPid: number;
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

export async function startStack(config: BenchConfig, log: (line: string) => void): Promise<Stack> {
  mkdirSync(TMP_DIR, { recursive: true });
  const databaseFile = path.join(TMP_DIR, "bench.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${databaseFile}${suffix}`, { force: true });

  const appUrl = `http://127.0.0.1:${config.appPort}`;
  const children: ChildProcess[] = [];
  const emulator = await startEmulatorProcess({ port: config.emulatorPort, appUrl });
  children.push(emulator.child);
  // Sale emails really go out during the run (the app's background sender), as in `npm start`.
  const catcher = await startMailCatcherProcess({ smtpPort: config.mailSmtpPort, httpPort: config.mailHttpPort });
  children.push(catcher.child);
  // The bench process seeds through lib/, so it reads the same settings as the app it starts.
  Object.assign(process.env, emulator.appEnv, catcher.appEnv, {
    DATABASE_URL: `file:${databaseFile}`,
    APP_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    DATA_DIR: TMP_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  try {
    migrateDatabase();
    const { seedDemoData, seedGeneratedCourses } = await import("../prisma/seed");
    await seedDemoData();
    await seedGeneratedCourses(config.courses);
    log(`Seeded the demo data and ${config.courses} generated courses into bench/.tmp/bench.db.`);
    const { connectDemoSellerOnEmulator } = await import("../prisma/seed-stripe");
    const sellerAccountId = await connectDemoSellerOnEmulator();
    if (!sellerAccountId) throw new Error("the demo seller could not be connected on the emulator");

    const startArgs = ["start", "-p", String(config.appPort), "-H", "127.0.0.1"];
    // BENCH_PROFILE=1 writes a V8 CPU profile of the app to bench/.tmp/profiles when it stops.
    const [command, args] = config.profile
      ? [process.execPath, ["--cpu-prof", "--cpu-prof-dir", path.join(TMP_DIR, "profiles"), path.resolve("node_modules", "next", "dist", "bin", "next"), ...startArgs]]
      : [nextCli, startArgs];
    const server = spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    children.push(server);
    const serverLog = createWriteStream(path.join(TMP_DIR, "next.log"));
    server.stdout!.pipe(serverLog);
    server.stderr!.pipe(serverLog);
    await waitForHealth(`${appUrl}/api/health`, server);
    log(`next start on ${appUrl}, the Stripe emulator on ${emulator.appEnv.STRIPE_API_URL}.`);
    return {
      appUrl,
      emulatorUrl: emulator.appEnv.STRIPE_API_URL,
      databaseFile,
      sellerAccountId,
      appPid: server.pid!,
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
