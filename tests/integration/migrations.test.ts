import { TEST_DATABASE_PROVIDER } from "./support/test-database";
import { rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { poolConfig } from "@/lib/postgres-pool";
import { createPostgresDatabase } from "./support/postgres-databases";
import { readCatalog, schemaScript } from "./support/schema-catalog";

/** A database built straight from the schema file, as Prisma would create it with no history. */
async function databaseFromSchema(): Promise<string> {
  if (TEST_DATABASE_PROVIDER === "postgresql") {
    const url = await createPostgresDatabase(`${process.env.TEST_POSTGRES_RUN}_from_schema`);
    const client = new pg.Client(poolConfig(url));
    await client.connect();
    try {
      // Extensions are outside Prisma's schema; the trigram index's migration creates this one.
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      await client.query(schemaScript(path.join("prisma", "postgres", "schema.prisma"), "postgresql", url));
    } finally {
      await client.end();
    }
    return url;
  }
  const file = path.resolve("tests/.tmp", `from-schema-${process.pid}-${Date.now()}.db`);
  rmSync(file, { force: true });
  const sqlite = new Database(file);
  try {
    sqlite.exec(schemaScript(path.join("prisma", "schema.prisma"), "sqlite"));
  } finally {
    sqlite.close();
  }
  return `file:${file}`;
}

describe(`the ${TEST_DATABASE_PROVIDER === "postgresql" ? "PostgreSQL" : "SQLite"} migrations`, () => {
  it("applied to an empty database give exactly the schema's tables, columns, indexes and keys (no drift)", async () => {
    // This file's database is the migration folder applied to an empty database, untouched so far.
    const migrated = await readCatalog(process.env.DATABASE_URL!);
    const expected = await readCatalog(await databaseFromSchema());
    expect(Object.keys(migrated).sort()).toEqual(Object.keys(expected).sort());
    for (const table of Object.keys(expected)) expect(migrated[table], table).toEqual(expected[table]);
  }, 120_000);
});
