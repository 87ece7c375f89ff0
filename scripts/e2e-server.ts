// Serves the production build on a throw-away database for the Playwright suite.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { nextCli } from "./build-if-needed";
import { migrateDatabase } from "./prepare-database";

async function waitForEmulator(url: string | undefined): Promise<void> {
  if (!url) return;
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`${url}/_emulator/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the Stripe emulator at ${url} did not answer`);
}

async function main() {
  const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");
  if (!file.includes(".tmp")) throw new Error("e2e-server refuses to wipe a database outside tests/.tmp");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
  migrateDatabase();
  const { seedDemoData } = await import("../prisma/seed");
  await seedDemoData();
  await waitForEmulator(process.env.STRIPE_API_URL);
  const { connectDemoSellerOnEmulator } = await import("../prisma/seed-stripe");
  await connectDemoSellerOnEmulator();
  const server = spawn(nextCli, ["start", "-p", process.env.PORT ?? "3100"], { stdio: "inherit", env: process.env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
