// vitest.postgres.config.ts: migrates one template database for the run (each test file gets a
// copy of it) and drops every database of the run at the end.
import { migratePostgres } from "../../../scripts/prepare-database";
import { createPostgresDatabase, dropPostgresDatabases } from "./postgres-databases";

export default async function setup(): Promise<() => Promise<void>> {
  const run = process.env.TEST_POSTGRES_RUN!;
  await dropPostgresDatabases(run);
  const url = await createPostgresDatabase(`${run}_template`);
  await migratePostgres(url);
  return async () => {
    await dropPostgresDatabases(run);
  };
}
