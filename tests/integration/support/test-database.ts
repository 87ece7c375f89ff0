// Imported first by every integration test file: points lib/db at a fresh SQLite file for
// this worker before anything opens the database.
import { rmSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../../scripts/prepare-database";

const file = path.resolve("tests/.tmp", `integration-${process.pid}-${Date.now()}.db`);
process.env.DATABASE_URL = `file:${file}`;
// Stored lesson files (and the generated auth secret) go to this worker's own folder, not data/.
process.env.DATA_DIR = path.resolve("tests/.tmp", `data-${process.pid}`);
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
migrateDatabase();

export const TEST_DATABASE_FILE = file;
