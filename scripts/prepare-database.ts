import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseUrl } from "../lib/database-url";

const prismaCli = path.resolve("node_modules", ".bin", "prisma");

/** Creates the database file if needed, applies committed migrations and turns on WAL. */
export function migrateDatabase(env: NodeJS.ProcessEnv = process.env): void {
  const url = env.DATABASE_URL || databaseUrl();
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const result = spawnSync(prismaCli, ["migrate", "deploy"], {
    env: { ...env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
  const sqlite = new Database(file);
  try {
    // WAL lets readers (page renders) proceed while a write (a purchase, a webhook) commits.
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
