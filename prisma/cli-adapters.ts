// The driver adapters the Prisma CLI (migrate deploy, db push) connects through, one per provider.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogSafePool, poolConfig } from "../lib/postgres-pool";

export function sqliteCliAdapter(url: string) {
  return new PrismaBetterSQLite3({ url });
}

export function postgresCliAdapter(url: string) {
  const pool = new CatalogSafePool(poolConfig(url, { max: 2, idleTimeoutMillis: 100, allowExitOnIdle: true }));
  return new PrismaPg(pool, { disposeExternalPool: true });
}
