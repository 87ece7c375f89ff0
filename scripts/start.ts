// `npm start`: build when the sources changed, migrate (SQLite or PostgreSQL, by DATABASE_URL),
// seed an empty database, start the Stripe emulator when no Stripe key is configured and the
// mail catcher when no SMTP_URL is, then serve.
import { spawn, type ChildProcess } from "node:child_process";
import { buildIfNeeded, nextCli } from "./build-if-needed";
import { startEmulatorProcess } from "./emulator-process";
import { startMailCatcherProcess } from "./mail-catcher-process";
import { migrateAnyDatabase } from "./prepare-database";

const children: ChildProcess[] = [];

async function main() {
  const port = process.env.PORT || "3000";
  const appUrl = process.env.APP_URL || `http://localhost:${port}`;
  // On SQLite the local install keeps a generated secret in data/ (next start runs in production
  // mode, where the app requires one); with PostgreSQL a missing AUTH_SECRET stops here.
  const { checkEnvironment, loadOrCreateSecret } = await import("../lib/env");
  const { databaseProvider } = await import("../lib/database-url");
  if (!process.env.AUTH_SECRET && databaseProvider() === "sqlite") process.env.AUTH_SECRET = loadOrCreateSecret(process.env.DATA_DIR || "data");
  checkEnvironment();
  buildIfNeeded();
  await migrateAnyDatabase();

  let stripeEnv: Record<string, string> = {};
  if (!process.env.STRIPE_SECRET_KEY) {
    const emulatorPort = Number(process.env.STRIPE_EMULATOR_PORT || 12111);
    const emulator = await startEmulatorProcess({
      port: emulatorPort,
      appUrl,
      stateFile: process.env.STRIPE_EMULATOR_STATE_FILE || "data/stripe-emulator.json",
    });
    children.push(emulator.child);
    stripeEnv = emulator.appEnv;
    // Before anything reads the app's settings (the seed does, and they are kept once read).
    Object.assign(process.env, stripeEnv, { APP_URL: appUrl });
  }
  const { seedDemoData, isDatabaseEmpty } = await import("../prisma/seed");
  if (await isDatabaseEmpty()) {
    const seeded = await seedDemoData();
    console.log(`Empty database: added ${seeded.users} demo accounts and ${seeded.courses} courses.`);
  }
  if (!process.env.STRIPE_SECRET_KEY) {
    const { connectDemoSellerOnEmulator } = await import("../prisma/seed-stripe");
    const account = await connectDemoSellerOnEmulator();
    if (account) console.log(`Demo seller's Stripe account on the emulator: ${account}`);
    const { ensureMembershipPlan } = await import("../lib/payments/membership-plan");
    await ensureMembershipPlan();
    console.log(`No STRIPE_SECRET_KEY: using the local Stripe emulator at ${stripeEnv.STRIPE_API_URL} (its dashboard is at /).`);
  }

  let mailEnv: Record<string, string> = {};
  if (!process.env.SMTP_URL) {
    const catcher = await startMailCatcherProcess({
      smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
      httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT || 1080),
      stateFile: process.env.MAIL_CATCHER_STATE_FILE || "data/mail-catcher.json",
    });
    children.push(catcher.child);
    mailEnv = catcher.appEnv;
    console.log(`No SMTP_URL: emails go to the local mail catcher; read them at ${catcher.pageUrl}`);
  }

  const server = spawn(nextCli, ["start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, ...stripeEnv, ...mailEnv, APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  children.push(server);
  const stopAll = (signal: NodeJS.Signals) => children.forEach((child) => child.kill(signal));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(signal));
  for (const child of children) {
    child.on("exit", (code) => {
      stopAll("SIGTERM");
      process.exit(code ?? 0);
    });
  }
  console.log(`Coursemarket: ${appUrl}  (demo logins: admin@, seller@, buyer@example.com / demo1234)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  // The emulator or the mail catcher may be up already: they stop with the start that failed.
  children.forEach((child) => child.kill("SIGTERM"));
  process.exit(1);
});
