// Shared by the Prisma CLI config, the app and the scripts, so all three open the same database.
export const DEFAULT_DATABASE_URL = "file:./data/marketplace.db";

/** The machine's PostgreSQL as `.ci/run` sets it up (a role that may create databases), for tests and local tools. */
export const LOCAL_POSTGRES_URL = "postgresql://coursemarket:coursemarket@127.0.0.1:5432/postgres";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** `file:` is SQLite; `postgres://` and `postgresql://` are PostgreSQL; anything else is refused. */
export function databaseProviderOf(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)`);
}

export function databaseProvider(): DatabaseProvider {
  return databaseProviderOf(databaseUrl());
}
