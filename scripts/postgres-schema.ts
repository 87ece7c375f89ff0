// prisma/schema.prisma is the one place the models are edited (SQLite). The PostgreSQL schema is
// derived from it: same models, another datasource and client output. `npm run db:schema` writes
// it; `npm run db:schema -- --check` fails when the committed copy is stale (run by `npm test`).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgres", "schema.prisma");

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts: do not edit, edit that file
// and run \`npm run db:schema\` (or \`npm run db:migration -- <name>\`).
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected ${pattern} in it`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema's text. */
export function postgresSchemaFrom(sqlite: string): string {
  let schema = replaceOnce(sqlite, /output(\s*)= "\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-postgres"');
  schema = replaceOnce(schema, /provider = "sqlite"/, 'provider = "postgresql"');
  schema = replaceOnce(schema, /url(\s*)= "file:[^"]*"/, 'url$1= "postgresql://unused"');
  // What only PostgreSQL can express (a trigram index) is written in the SQLite schema as a
  // comment starting "// postgresql:" and becomes a line of its own here.
  schema = schema.replace(/^(\s*)\/\/ postgresql: (.*)$/gm, "$1$2");
  return HEADER + schema;
}

function main(): void {
  const expected = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(POSTGRES_SCHEMA, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== expected) {
      console.error(`${POSTGRES_SCHEMA} is stale: run \`npm run db:schema\` and add a PostgreSQL migration (README, "Changing the models").`);
      process.exit(1);
    }
    console.log(`${POSTGRES_SCHEMA} matches ${SQLITE_SCHEMA}.`);
    return;
  }
  writeFileSync(POSTGRES_SCHEMA, expected);
  console.log(`Wrote ${POSTGRES_SCHEMA}.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
