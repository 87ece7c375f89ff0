import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** The configuration as a fresh server process would read it from these variables. */
async function configWith(vars: Record<string, string | undefined>) {
  process.env = { ...saved, AUTH_SECRET: undefined, NODE_ENV: "test", NEXT_PHASE: undefined, REDIS_URL: undefined, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: undefined, DATA_DIR: "tests/.tmp/env-data", ...vars };
  for (const [key, value] of Object.entries(process.env)) if (value === undefined) delete process.env[key];
  vi.resetModules();
  const { env } = await import("@/lib/env");
  return () => env();
}

const SECRET = "a-session-secret-long-enough-for-production-use-0123";
const KEY = Buffer.alloc(32, 7).toString("base64");

describe("secrets that must be set, not generated", () => {
  it("SQLite in development generates AUTH_SECRET on first use, as before", async () => {
    expect((await configWith({ DATABASE_URL: "file:./tests/.tmp/env.db" }))().AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("with PostgreSQL, or in production, a missing AUTH_SECRET stops the start with a clear message", async () => {
    const postgres = await configWith({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app" });
    expect(postgres).toThrow(/AUTH_SECRET is required when the database is PostgreSQL/);
    const production = await configWith({ DATABASE_URL: "file:./tests/.tmp/env.db", NODE_ENV: "production" });
    expect(production).toThrow(/AUTH_SECRET is required when NODE_ENV is production/);
    expect((await configWith({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app", AUTH_SECRET: SECRET }))().AUTH_SECRET).toBe(SECRET);
    // `next build` prerenders in production mode and signs nothing: it still builds without one.
    const building = await configWith({ DATABASE_URL: "file:./tests/.tmp/env.db", NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    expect(building().AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("several instances (REDIS_URL) need the same server-actions key for every build, 32 bytes in base64", async () => {
    const base = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/app", AUTH_SECRET: SECRET, REDIS_URL: "redis://127.0.0.1:6379" };
    expect(await configWith(base)).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required when several instances/);
    expect(await configWith({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "short" })).toThrow(/base64 of 32 random bytes/);
    expect((await configWith({ ...base, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY }))().REDIS_URL).toBe("redis://127.0.0.1:6379");
  });

  it("refuses a DATABASE_URL that is neither SQLite nor PostgreSQL", async () => {
    expect(await configWith({ DATABASE_URL: "mysql://db/app" })).toThrow(/DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//);
  });
});
