// Imported first by every integration test file: points lib/db at a fresh SQLite file for
// this worker before anything opens the database.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../../scripts/prepare-database";

const file = path.resolve("tests/.tmp", `integration-${process.pid}-${Date.now()}.db`);
process.env.DATABASE_URL = `file:${file}`;
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
migrateDatabase();

export const TEST_DATABASE_FILE = file;
