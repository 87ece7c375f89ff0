import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProviderOf, databaseUrl } from "../lib/database-url";
import { poolConfig } from "../lib/postgres-pool";

const prismaCli = path.resolve("node_modules", ".bin", "prisma");

function committedMigrations(folder: string): string[] {
  return readdirSync(path.resolve(folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function pendingMigrations(file: string): string[] {
  const committed = committedMigrations(path.join("prisma", "migrations"));
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

function deployMigrations(url: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(prismaCli, ["migrate", "deploy"], {
    env: { ...env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

/** The PostgreSQL migrations not applied yet (all of them on an empty database). */
export async function pendingPostgresMigrations(url: string): Promise<string[]> {
  const committed = committedMigrations(path.join("prisma", "postgres", "migrations"));
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    const { rows: tables } = await client.query(`SELECT to_regclass('_prisma_migrations')::text AS name`);
    if (!tables[0]?.name) return committed;
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.filter((name) => !applied.has(name));
  } finally {
    await client.end();
  }
}

const quotedDatabaseName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the database the URL names when the server does not have it yet (through the same
 * server's `postgres` database, as the same role), so a first start needs only an empty server.
 */
export async function createPostgresDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error("DATABASE_URL names no database: add one, e.g. postgresql://user:password@host:5432/coursemarket");
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client(poolConfig(server.toString()));
  await client.connect();
  try {
    const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quotedDatabaseName(name)}`);
    } catch (error) {
      // Another instance created it at the same moment (42P04), or the role may not create databases.
      if ((error as { code?: string }).code === "42P04") return;
      throw new Error(`the database "${name}" does not exist and could not be created (${error instanceof Error ? error.message : error}): create it, e.g. createdb ${name}`);
    }
    console.log(`Created the PostgreSQL database "${name}".`);
  } finally {
    await client.end();
  }
}

/** Drops the database the URL names, connections and all (throw-away databases of tests and the bench). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`a throw-away database name must be lower_snake_case: ${name}`);
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client(poolConfig(server.toString()));
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Applies the committed PostgreSQL migrations. Safe when several instances start at once:
 * `prisma migrate deploy` holds an advisory lock, so one applies and the others find nothing left.
 */
export async function migratePostgres(url: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await createPostgresDatabaseIfMissing(url);
  if ((await pendingPostgresMigrations(url)).length > 0) deployMigrations(url, env);
}

/** Migrates the database DATABASE_URL names, SQLite or PostgreSQL. */
export async function migrateAnyDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = env.DATABASE_URL || databaseUrl();
  if (databaseProviderOf(url) === "postgresql") await migratePostgres(url, env);
  else migrateDatabase(env);
}

/**
 * Creates the SQLite file if needed, applies committed migrations and turns on WAL. When
 * nothing is pending the Prisma CLI is not started at all: that keeps start-up fast and lets the
 * seed run beside a serving app (migrate deploy wants the database to itself).
 */
export function migrateDatabase(env: NodeJS.ProcessEnv = process.env): void {
  const url = env.DATABASE_URL || databaseUrl();
  const file = url.replace(/^file:/, "");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (pendingMigrations(file).length > 0) deployMigrations(url, env);
  const sqlite = new Database(file);
  try {
    // WAL lets readers (page renders) proceed while a write (a purchase, a webhook) commits.
    sqlite.pragma("journal_mode = WAL");
  } finally {
    sqlite.close();
  }
}
