// The PostgreSQL side for commands that need no database (`prisma generate`, `migrate diff`):
// `prisma generate --config prisma/postgres/prisma.config.ts`. Commands that connect use the
// root prisma.config.ts with a postgresql:// DATABASE_URL.
import { defineConfig } from "prisma/config";
import { postgresCliAdapter } from "../cli-adapters";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma", // paths here are relative to this file
  migrations: { path: "migrations" },
  async adapter() {
    return postgresCliAdapter(process.env.DATABASE_URL ?? "postgresql://localhost/postgres");
  },
});
