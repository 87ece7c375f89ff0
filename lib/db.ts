import { PrismaClient } from "./generated/prisma/client";
import { databaseUrl } from "./database-url";
import { SerializedSQLite } from "./serialized-sqlite";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient =
  globalForPrisma.prisma ??
  new PrismaClient({ adapter: new SerializedSQLite({ url: databaseUrl() }) });

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
