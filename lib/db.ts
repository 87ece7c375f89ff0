import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresClient } from "./generated/prisma-postgres/client";
import { databaseProviderOf, databaseUrl, type DatabaseProvider } from "./database-url";
import { databaseSettings } from "./env";
import { CatalogSafePool, poolConfig } from "./postgres-pool";
import { SerializedSQLite } from "./serialized-sqlite";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * One client for either database, chosen by DATABASE_URL at start-up. Both generated clients
 * have the same models and methods, so the app is typed against the SQLite one; the few places
 * where the providers differ ask `dbProvider` (see lib/db-text-search.ts, lib/email/claim-due-emails.ts).
 */
function createClient(): PrismaClient {
  const url = databaseUrl();
  if (databaseProviderOf(url) === "sqlite") {
    return new PrismaClient({ adapter: new SerializedSQLite({ url }) });
  }
  const settings = databaseSettings();
  const pool = new CatalogSafePool(poolConfig(url, settings.pool));
  // An idle connection that PostgreSQL closed (a restart) is dropped from the pool; the next
  // query opens a fresh one.
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection failed: ${error.message}`));
  const client = new PostgresClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: settings.transactions,
  });
  return client as unknown as PrismaClient;
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();

export const dbProvider: DatabaseProvider = databaseProviderOf(databaseUrl());

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
