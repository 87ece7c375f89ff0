// `npm start`: build when the sources changed, migrate, seed an empty database, then serve.
import { spawn } from "node:child_process";
import { buildIfNeeded, nextCli } from "./build-if-needed";
import { migrateDatabase } from "./prepare-database";

async function main() {
  const port = process.env.PORT || "3000";
  buildIfNeeded();
  migrateDatabase();
  const { seedDemoData, isDatabaseEmpty } = await import("../prisma/seed");
  if (await isDatabaseEmpty()) {
    const seeded = await seedDemoData();
    console.log(`Empty database: added ${seeded.users} demo accounts and ${seeded.courses} courses.`);
  }
  const server = spawn(nextCli, ["start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
  console.log(`Coursemarket: http://localhost:${port}  (demo logins: admin@, seller@, buyer@example.com / demo1234)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
