import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app", "components", "lib", "public", "types", "instrumentation.ts", "next.config.mjs", "package-lock.json",
  "cache-handler.mjs", "postcss.config.mjs", "prisma/schema.prisma", "prisma/postgres/schema.prisma", "proxy.ts", "tsconfig.json",
];
const STAMP = path.join(".next", "source-stamp");
export const nextCli = path.resolve("node_modules", ".bin", "next");

function sourceStamp(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry) || entry.includes(path.join("lib", "generated"))) return;
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

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfNeeded(): void {
  const stamp = sourceStamp();
  const upToDate =
    existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp;
  if (upToDate) return;
  console.log("Building the app (first start, or the sources changed)…");
  // A pulled schema change needs a fresh client before the build type-checks against it.
  const generated = spawnSync("npm", ["run", "--silent", "db:generate"], { stdio: "ignore" });
  if (generated.status !== 0) process.exit(generated.status ?? 1);
  const result = spawnSync(nextCli, ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, stamp);
}
