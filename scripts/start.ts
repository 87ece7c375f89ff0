// `npm start`: build when the sources changed, migrate, seed an empty database, then serve.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "./prepare-database";

const SOURCES = ["app", "components", "lib", "public", "types", "next.config.mjs", "package-lock.json", "postcss.config.mjs", "prisma/schema.prisma", "tsconfig.json"];
const STAMP = path.join(".next", "source-stamp");
const nextCli = path.resolve("node_modules", ".bin", "next");

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry) || entry.includes(`lib${path.sep}generated`)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  SOURCES.forEach(visit);
  return hash.digest("hex");
}

function buildIfNeeded(): void {
  const stamp = sourceStamp();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
  if (built) return;
  console.log("Building the app (first start, or the sources changed)…");
  const result = spawnSync(nextCli, ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, stamp);
}

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
