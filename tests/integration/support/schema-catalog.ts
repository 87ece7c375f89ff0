// What a database actually has (tables, columns, indexes, foreign keys), read from its catalog
// in a form that does not depend on how it got there: column order and SQL text are ignored.
import { spawnSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProviderOf } from "../../../lib/database-url";
import { poolConfig } from "../../../lib/postgres-pool";

export type Catalog = Record<string, { columns: string[]; indexes: string[]; constraints: string[] }>;

const byText = (a: string, b: string) => a.localeCompare(b);

function sqliteCatalog(file: string): Catalog {
  const sqlite = new Database(file, { readonly: true });
  try {
    const all = sqlite
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)
      .all() as Array<{ name: string; sql: string | null }>;
    // Full-text tables (FTS5) and their shadow tables are written by hand in the migrations, outside
    // Prisma's schema; tests/integration/course-search.test.ts checks them.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    const catalog: Catalog = {};
    for (const { name } of tables) {
      const columns = (sqlite.pragma(`table_xinfo("${name}")`) as Array<Record<string, unknown>>).map(
        (c) => `${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`,
      );
      const indexes = (sqlite.pragma(`index_list("${name}")`) as Array<{ name: string; unique: number; origin: string }>).map((index) => {
        const keys = (sqlite.pragma(`index_xinfo("${index.name}")`) as Array<{ name: string | null; desc: number; key: number }>)
          .filter((key) => key.key)
          .map((key) => `${key.name}${key.desc ? " desc" : ""}`);
        return `${index.name} unique=${index.unique} (${keys.join(", ")})`;
      });
      const constraints = (sqlite.pragma(`foreign_key_list("${name}")`) as Array<Record<string, unknown>>).map(
        (fk) => `${fk.from} -> ${fk.table}.${fk.to} on update ${fk.on_update} on delete ${fk.on_delete}`,
      );
      catalog[name] = { columns: columns.sort(byText), indexes: indexes.sort(byText), constraints: constraints.sort(byText) };
    }
    return catalog;
  } finally {
    sqlite.close();
  }
}

async function postgresCatalog(url: string): Promise<Catalog> {
  const client = new pg.Client(poolConfig(url));
  await client.connect();
  try {
    const catalog: Catalog = {};
    const entry = (table: string) => (catalog[table] ??= { columns: [], indexes: [], constraints: [] });
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const c of columns.rows) {
      entry(c.table_name).columns.push(
        `${c.column_name} ${c.data_type}(${c.character_maximum_length ?? ""}${c.datetime_precision ?? ""}) nullable=${c.is_nullable} default=${c.column_default}`,
      );
    }
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const i of indexes.rows) entry(i.tablename).indexes.push(i.indexdef);
    const constraints = await client.query(
      `SELECT rel.relname AS table_name, con.conname, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'`,
    );
    for (const c of constraints.rows) entry(c.table_name).constraints.push(`${c.conname} ${c.definition}`);
    for (const table of Object.values(catalog)) {
      table.columns.sort(byText);
      table.indexes.sort(byText);
      table.constraints.sort(byText);
    }
    return catalog;
  } finally {
    await client.end();
  }
}

export async function readCatalog(url: string): Promise<Catalog> {
  return databaseProviderOf(url) === "postgresql" ? postgresCatalog(url) : sqliteCatalog(url.replace(/^file:/, ""));
}

/** The SQL Prisma would run to build `schema` on an empty database. */
export function schemaScript(schema: string, provider: "sqlite" | "postgresql", serverUrl?: string): string {
  const args = ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"];
  if (provider === "postgresql") args.push("--config", path.join("prisma", "postgres", "prisma.config.ts"));
  const result = spawnSync(path.resolve("node_modules", ".bin", "prisma"), args, {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: provider === "postgresql" ? serverUrl : "file::memory:" },
  });
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}
