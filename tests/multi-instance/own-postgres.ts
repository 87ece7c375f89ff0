// A PostgreSQL server of the test's own, in a temporary data directory on its own port, that the
// test may stop and start: the machine's cluster is shared with other test runs and is never
// restarted. Debian's postgresql-15 binaries; as root (CI) the server runs as the `postgres` OS
// user, since PostgreSQL refuses to run as root.
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = process.env.POSTGRES_BIN_DIR ?? "/usr/lib/postgresql/15/bin";
const PASSWORD = "own-postgres-test-only";

export interface OwnPostgres {
  /** postgresql:// URL of the `postgres` database as the superuser. */
  url: string;
  port: number;
  /** A fast shutdown: open connections are cut, as in a restart or a failover. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  remove(): void;
}

/** The same, without blocking the test's event loop (its requests keep going meanwhile). */
function runAsOwnerAsync(command: string, args: string[]): Promise<void> {
  const [file, argv] = process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(command)} ${args[0] ?? ""} failed: ${stderr || stdout || error.message}`));
      else resolve();
    });
  });
}

function runAsOwner(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const result = asRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args[0] ?? ""} failed (${result.status}): ${result.stderr || result.stdout || result.error?.message}`);
  }
}

export function startOwnPostgres(port: number): OwnPostgres {
  if (!existsSync(path.join(BIN, "initdb"))) throw new Error(`PostgreSQL 15's initdb is not at ${BIN} (apt-get install postgresql-15, or set POSTGRES_BIN_DIR)`);
  const home = mkdtempSync(path.join(os.tmpdir(), "cm-own-postgres-"));
  const dataDir = path.join(home, "data");
  const passwordFile = path.join(home, "password");
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  if (process.getuid?.() === 0) {
    const owner = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const group = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (owner.status !== 0) throw new Error("there is no postgres OS user to run the test's PostgreSQL as");
    chownSync(home, Number(owner.stdout), Number(group.stdout));
    chownSync(passwordFile, Number(owner.stdout), Number(group.stdout));
  }
  chmodSync(home, 0o700);
  runAsOwner(path.join(BIN, "initdb"), [
    "-D", dataDir, "-U", "postgres", "--pwfile", passwordFile, "--auth-host", "scram-sha-256", "--auth-local", "peer",
    "--no-sync", "-E", "UTF8", "--locale", "C",
  ]);
  // Its socket lives in its own folder; TCP on loopback only.
  const options = `-p ${port} -k ${home} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const pgCtlArgs = (action: string, ...extra: string[]) => [action, "-D", dataDir, "-w", "-t", "60", "-s", ...extra];
  const startArgs = pgCtlArgs("start", "-o", options, "-l", path.join(home, "server.log"));
  const stopArgs = pgCtlArgs("stop", "-m", "fast");
  const pgCtl = path.join(BIN, "pg_ctl");
  runAsOwner(pgCtl, startArgs);
  let removed = false;
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    start: () => runAsOwnerAsync(pgCtl, startArgs),
    stop: () => runAsOwnerAsync(pgCtl, stopArgs),
    remove() {
      if (removed) return;
      removed = true;
      try {
        runAsOwner(pgCtl, stopArgs);
      } catch {
        // already stopped
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}
