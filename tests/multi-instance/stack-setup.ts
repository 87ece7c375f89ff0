// Starts the production-like stack for the multi-instance journeys on a fresh PostgreSQL
// database, and stops it afterwards. Webhooks go to the second instance only, so a purchase made
// on the first is confirmed by an event that lands elsewhere.
import path from "node:path";
import { startStack } from "../../scripts/production-stack";
import { postgresUrlFor } from "../integration/support/postgres-databases";

export const MULTI_BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 1;
const emulatorBase = Number(process.env.E2E_EMULATOR_PORT ?? 12199) + 7;

export default async function setup(): Promise<() => Promise<void>> {
  const stack = await startStack({
    databaseUrl: postgresUrlFor(`cm_pg_multi_${MULTI_BASE_PORT}`),
    freshDatabase: true,
    redisUrl: process.env.TEST_REDIS_URL,
    redisPort: Number(process.env.TEST_REDIS_PORT ?? 6390),
    instances: 3,
    balancerPort: MULTI_BASE_PORT,
    emulatorPort: emulatorBase,
    mailSmtpPort: emulatorBase + 1,
    mailHttpPort: emulatorBase + 2,
    webhookInstance: 1,
    secretsFile: path.resolve("tests/.tmp/multi-instance-secrets.json"),
    quiet: true,
  });
  process.env.MULTI_STACK = JSON.stringify({
    balancer: stack.balancer.url,
    instances: stack.instances.map((instance) => instance.url),
    databaseUrl: stack.databaseUrl,
    mailUrl: stack.mailUrl,
    emulatorUrl: stack.emulatorUrl,
    pids: stack.instances.map((instance) => instance.child.pid),
  });
  return () => stack.stop();
}
