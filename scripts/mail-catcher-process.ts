// Starts the local mail catcher as its own process (the app reaches it only over SMTP) and
// returns the environment that points the app at it.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export interface MailCatcherProcess {
  child: ChildProcess;
  appEnv: Record<string, string>;
  pageUrl: string;
}

interface StartOptions {
  smtpPort: number;
  httpPort: number;
  stateFile?: string;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the mail catcher exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the mail catcher did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function startMailCatcherProcess({ smtpPort, httpPort, stateFile }: StartOptions): Promise<MailCatcherProcess> {
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/mail-catcher.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      MAIL_CATCHER_SMTP_PORT: String(smtpPort),
      MAIL_CATCHER_HTTP_PORT: String(httpPort),
      MAIL_CATCHER_HOST: "127.0.0.1",
      ...(stateFile ? { MAIL_CATCHER_STATE_FILE: stateFile } : {}),
    },
  });
  const pageUrl = `http://127.0.0.1:${httpPort}/`;
  // A catcher that did not come up in time is stopped, not left behind holding its ports.
  await waitUntilUp(`${pageUrl}api/health`, child).catch((error) => {
    child.kill("SIGTERM");
    throw error;
  });
  return { child, appEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }, pageUrl };
}
