import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "../lib/database-url";

const prismaCli = path.resolve("node_modules", ".bin", "prisma");
const migrationsDir = path.resolve("prisma", "migrations");

function pendingMigrations(file: string): string[] {
  const committed = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  if (!existsSync(file)) return committed;
  const sqlite = new Database(file, { readonly: true });
  try {
    const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return committed;
    const applied = new Set(
      (sqlite.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as Array<{ migration_name: string }>)
        .map((row) => row.migration_name),
    );
    return committed.filter((name) => !applied.has(name));
  } finally {
    sqlite.close();
  }
}

/**
 * Creates the database file if needed, applies committed migrations and turns on WAL. When
 * nothing is pending the Prisma CLI is not started at all: that keeps start-up fast and lets the
 * seed run beside a serving app (migrate deploy wants the database to itself).
 */
export function migrateDatabase(env: NodeJS.ProcessEnv = process.env): void {
  const url = env.DATABASE_URL || databaseUrl();
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (pendingMigrations(file).length > 0) {
    const result = spawnSync(prismaCli, ["migrate", "deploy"], {
      env: { ...env, DATABASE_URL: url },
      encoding: "utf8",
    });
    if (result.status !== 0) {
      throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
    }
  }
  const sqlite = new Database(file);
  try {
    // WAL lets readers (page renders) proceed while a write (a purchase, a webhook) commits.
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
