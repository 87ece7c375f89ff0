// Shared by the Prisma CLI config, the app and the scripts, so all three open the same file.
export const DEFAULT_DATABASE_URL = "file:./data/marketplace.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}
