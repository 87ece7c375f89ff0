// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes one migration for
// each database from the difference between the previous schema and the edited one:
//   prisma/migrations/<timestamp>_<name>/migration.sql           (SQLite; previous = git HEAD's schema)
//   prisma/postgres/migrations/<timestamp>_<name>/migration.sql  (PostgreSQL; previous = the
//                                                                 committed prisma/postgres/schema.prisma)
// and regenerates prisma/postgres/schema.prisma.
// Options:
//   --from <file>      the previous SQLite schema (default: `git show HEAD:prisma/schema.prisma`);
//                      also used as the PostgreSQL side's previous schema when given
//   --postgres-only    write only the PostgreSQL migration (SQLite migrations made on another
//                      branch already exist): with no --from, the previous schema is the
//                      committed prisma/postgres/schema.prisma, so one run after a merge covers
//                      every model change the merge brought
//   --timestamp <t>    the folder's timestamp, YYYYMMDDHHMMSS (default: now, UTC)
// The PostgreSQL diff needs a reachable server (Prisma's adapter connects, nothing is changed):
// DATABASE_URL when it is postgresql://, else TEST_POSTGRES_URL, else the CI default.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { LOCAL_POSTGRES_URL } from "../lib/database-url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from "./postgres-schema";

const prismaCli = path.resolve("node_modules", ".bin", "prisma");

function postgresServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return url;
  return process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;
}

/** The SQL that turns a database of the `from` schema into one of the `to` schema ("" when none). */
export function diffSchemas(from: string, to: string, provider: "sqlite" | "postgresql"): string {
  const args = ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"];
  const env = { ...process.env };
  if (provider === "postgresql") {
    args.push("--config", path.join("prisma", "postgres", "prisma.config.ts"));
    env.DATABASE_URL = postgresServerUrl();
  } else {
    env.DATABASE_URL = "file::memory:";
  }
  const result = spawnSync(prismaCli, args, { encoding: "utf8", env });
  if (result.status !== 0) throw new Error(`prisma migrate diff (${provider}) failed:\n${result.stdout}\n${result.stderr}`);
  const sql = result.stdout.trim();
  return sql.includes("This is an empty migration") ? "" : `${sql}\n`;
}

function utcTimestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function writeMigration(folder: string, name: string, sql: string): string {
  const dir = path.join(folder, name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "migration.sql");
  writeFileSync(file, sql);
  return file;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: "string" }, "postgres-only": { type: "boolean" }, timestamp: { type: "string" } },
  });
  const name = positionals[0];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error("usage: npm run db:migration -- <name in lower_snake_case> [--from old.prisma] [--postgres-only] [--timestamp YYYYMMDDHHMMSS]");
  }
  const timestamp = values.timestamp ?? utcTimestamp();
  if (!/^\d{14}$/.test(timestamp)) throw new Error("--timestamp takes 14 digits, YYYYMMDDHHMMSS");
  const folderName = `${timestamp}_${name}`;
  const work = mkdtempSync(path.join(tmpdir(), "cm-migration-"));
  const current = readFileSync(SQLITE_SCHEMA, "utf8");
  const previous = values.from ? readFileSync(values.from, "utf8") : undefined;

  if (!values["postgres-only"]) {
    const from = path.join(work, "previous.prisma");
    writeFileSync(from, previous ?? execFileSync("git", ["show", `HEAD:${SQLITE_SCHEMA}`], { encoding: "utf8" }));
    const sql = diffSchemas(from, SQLITE_SCHEMA, "sqlite");
    if (!sql) console.log("SQLite: no change to the models, no migration written.");
    else {
      console.log(`SQLite: wrote ${writeMigration(path.join("prisma", "migrations"), folderName, sql)}`);
      if (/CREATE TABLE "new_/.test(sql)) {
        console.warn(
          "  Warning: it redefines an existing table (CREATE TABLE \"new_…\"; INSERT … SELECT; DROP): columns another branch adds to it would be lost at merge time. Prefer additive changes (README, \"Changing the models\").",
        );
      }
    }
  }

  const postgresFrom = path.join(work, "previous-postgres.prisma");
  writeFileSync(postgresFrom, previous ? postgresSchemaFrom(previous) : readFileSync(POSTGRES_SCHEMA, "utf8"));
  const postgresTo = path.join(work, "current-postgres.prisma");
  const postgresSchema = postgresSchemaFrom(current);
  writeFileSync(postgresTo, postgresSchema);
  const sql = diffSchemas(postgresFrom, postgresTo, "postgresql");
  if (!sql) console.log("PostgreSQL: no change to the models, no migration written.");
  else console.log(`PostgreSQL: wrote ${writeMigration(path.join("prisma", "postgres", "migrations"), folderName, sql)}`);
  writeFileSync(POSTGRES_SCHEMA, postgresSchema);
  console.log(`Wrote ${POSTGRES_SCHEMA}; generating both clients…`);
  const generated = spawnSync("npm", ["run", "--silent", "db:generate"], { stdio: "inherit" });
  if (generated.status !== 0) throw new Error("npm run db:generate failed");
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
