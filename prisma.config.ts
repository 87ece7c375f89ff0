// The Prisma CLI follows DATABASE_URL: `prisma migrate deploy` applies prisma/migrations to a
// SQLite file, or prisma/postgres/migrations to a PostgreSQL database.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseProviderOf, databaseUrl } from "./lib/database-url";
import { postgresCliAdapter, sqliteCliAdapter } from "./prisma/cli-adapters";

const url = databaseUrl();
const postgres = databaseProviderOf(url) === "postgresql";
const folder = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(folder, "schema.prisma"),
  migrations: { path: path.join(folder, "migrations") },
  async adapter() {
    return postgres ? postgresCliAdapter(url) : sqliteCliAdapter(url);
  },
});
