import pg from "pg";

/** PostgreSQL's `name` type (catalog identifiers) and `text`. */
const NAME_OID = 19;
const TEXT_OID = 25;

export interface PoolSettings {
  /** Connections this process may hold. */
  max?: number;
  /** How long a query waits for a free connection before it fails. */
  connectionTimeoutMillis?: number;
  /** How long a connection may sit idle before it is closed. */
  idleTimeoutMillis?: number;
  /** PostgreSQL cancels a statement that runs longer (0: no limit). */
  statementTimeoutMillis?: number;
  /** Lets a short-lived process (the CLI, a script) exit while connections are idle. */
  allowExitOnIdle?: boolean;
}

/**
 * A pool configuration from a postgresql:// URL, with its parts spelled out (pg's
 * `connectionString` would override `max` and friends with the URL's query string).
 */
export function poolConfig(url: string, settings: PoolSettings = {}): pg.PoolConfig {
  const parsed = new URL(url);
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || undefined,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    application_name: parsed.searchParams.get("application_name") ?? "coursemarket",
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis || undefined,
    allowExitOnIdle: settings.allowExitOnIdle,
  };
}

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };

function reportNameAsText<T>(result: T): T {
  for (const field of (result as QueryResultLike)?.fields ?? []) {
    if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * Prisma's pg adapter cannot read columns of PostgreSQL's `name` type, which the schema engine's
 * catalog queries return (prisma/prisma#27403): `migrate deploy` fails with "Column type 'name'
 * could not be deserialized". A `name` is text, so this pool reports it as text.
 */
export class CatalogSafePool extends pg.Pool {
  // pg's overloads cannot be restated one by one; results pass through unchanged but for the type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as (...a: any[]) => any)(...args);
    return result && typeof result.then === "function" ? result.then(reportNameAsText) : result;
  }
}
