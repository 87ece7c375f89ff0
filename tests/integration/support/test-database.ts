// Imported first by every integration test file: points lib/db at a fresh database for this
// file before anything opens it. SQLite by default (a file in tests/.tmp); with
// TEST_DATABASE_PROVIDER=postgresql (vitest.postgres.config.ts) a copy of the run's migrated
// template database.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../../scripts/prepare-database";
import { createPostgresDatabase } from "./postgres-databases";

export const TEST_DATABASE_PROVIDER = process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";

const file = path.resolve("tests/.tmp", `integration-${process.pid}-${Date.now()}.db`);
// Stored lesson files (and the generated auth secret) go to this worker's own folder, not data/.
process.env.DATA_DIR = path.resolve("tests/.tmp", `data-${process.pid}`);
if (TEST_DATABASE_PROVIDER === "postgresql") {
  const run = process.env.TEST_POSTGRES_RUN;
  if (!run) throw new Error("TEST_POSTGRES_RUN is not set: run the PostgreSQL suite with vitest.postgres.config.ts");
  const name = `${run}_${process.pid}_${Date.now() % 1_000_000}_${Math.floor(Math.random() * 1000)}`;
  process.env.DATABASE_URL = await createPostgresDatabase(name, `${run}_template`);
} else {
  process.env.DATABASE_URL = `file:${file}`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  migrateDatabase();
}

/** The SQLite file of this test file's database (SQLite runs only). */
export const TEST_DATABASE_FILE = file;
