// Throw-away PostgreSQL databases for tests: created from TEST_POSTGRES_URL (a role that may
// create databases; `.ci/run` makes one), each named cm_pg_test_<run>_…, dropped after the run.
import pg from "pg";
import { LOCAL_POSTGRES_URL } from "../../../lib/database-url";
import { poolConfig } from "../../../lib/postgres-pool";

export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? LOCAL_POSTGRES_URL;

/** The URL of another database on the same server, as the same role. */
export function postgresUrlFor(database: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfig(TEST_POSTGRES_URL));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a test database name: ${name}`);
  return `"${name}"`;
};

/** Creates an empty database, or a copy of `template` (which must have no open connection). */
export async function createPostgresDatabase(name: string, template?: string): Promise<string> {
  await onServer(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`);
        return;
      } catch (error) {
        // Two copies of one template started at the same moment: PostgreSQL refuses the second.
        const busy = error instanceof Error && /being accessed by other users/.test(error.message);
        if (!busy || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return postgresUrlFor(name);
}

/** Drops every database whose name starts with `prefix` (closing their connections). */
export async function dropPostgresDatabases(prefix: string): Promise<number> {
  return onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${prefix.replace(/_/g, "\\_")}%`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${quoted(datname)} WITH (FORCE)`);
    return rows.length;
  });
}
