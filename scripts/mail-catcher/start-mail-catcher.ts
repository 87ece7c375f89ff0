import { startHttpSite } from "./http-server";
import { MessageStore, type CaughtMessage } from "./message-store";
import { startSmtpReceiver } from "./smtp-receiver";

export interface MailCatcherOptions {
  /** 0 picks free ports (tests). */
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** Keeps received mail across restarts. */
  stateFile?: string;
}

export interface RunningMailCatcher {
  smtpUrl: string;
  httpUrl: string;
  messages(filter?: { to?: string }): CaughtMessage[];
  setOutage(active: boolean): void;
  close(): Promise<void>;
}

/** The SMTP server that keeps what it receives and the web page that shows it, side by side. */
export async function startMailCatcher(options: MailCatcherOptions): Promise<RunningMailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const store = new MessageStore(options.stateFile);
  let outage = false;
  const smtp = await startSmtpReceiver({ port: options.smtpPort, host, store, inOutage: () => outage });
  const smtpUrl = `smtp://${host}:${smtp.port}`;
  const http = await startHttpSite({
    port: options.httpPort,
    host,
    controls: { store, isInOutage: () => outage, setOutage: (active) => (outage = active), smtpUrl: () => smtpUrl },
  }).catch(async (error: unknown) => {
    await smtp.close();
    throw error;
  });
  return {
    smtpUrl,
    httpUrl: `http://${host}:${http.port}`,
    messages: (filter) => store.list(filter),
    setOutage: (active) => {
      outage = active;
    },
    close: async () => {
      await Promise.all([smtp.close(), http.close()]);
    },
  };
}
