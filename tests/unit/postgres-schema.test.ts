import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { databaseProviderOf } from "@/lib/database-url";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchemaFrom } from "@/scripts/postgres-schema";

describe("one place to edit the models", () => {
  it("the committed PostgreSQL schema is generated from prisma/schema.prisma (run `npm run db:migration -- <name>` when this fails)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("the PostgreSQL schema differs only in its datasource and client output", () => {
    const schema = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
    expect(schema).toContain('provider = "postgresql"');
    expect(schema).toContain('"../../lib/generated/prisma-postgres"');
    expect(schema).not.toContain('provider = "sqlite"');
    expect(schema.match(/^model \w+/gm)).toEqual(readFileSync(SQLITE_SCHEMA, "utf8").match(/^model \w+/gm));
  });
});

describe("DATABASE_URL chooses the database", () => {
  it("file: is SQLite, postgres:// and postgresql:// are PostgreSQL, anything else is refused", () => {
    expect(databaseProviderOf("file:./data/marketplace.db")).toBe("sqlite");
    expect(databaseProviderOf("postgresql://u:p@db:5432/app")).toBe("postgresql");
    expect(databaseProviderOf("postgres://u:p@db/app")).toBe("postgresql");
    expect(() => databaseProviderOf("mysql://db/app")).toThrow(/file: \(SQLite\) or postgresql:\/\//);
  });
});
