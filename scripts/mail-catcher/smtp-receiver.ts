import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { MessageStore } from "./message-store";

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/** Why a connection is turned away while an outage is simulated: a temporary failure, so senders retry. */
export const OUTAGE_REPLY = "Service not available, closing transmission channel (simulated outage)";

/**
 * A real SMTP server that accepts every message (no TLS, no authentication: it only ever
 * listens on the loopback) and keeps it parsed. While `inOutage()` is true every connection is
 * answered 421, as a mail server that is down for maintenance does.
 */
export async function startSmtpReceiver(options: { port: number; host: string; store: MessageStore; inOutage: () => boolean }): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Coursemarket mail catcher",
    size: 10 * 1024 * 1024,
    logger: false,
    // Every client is on the loopback; a reverse DNS lookup per connection only adds delay.
    disableReverseLookup: true,
    onConnect(_session, callback) {
      if (!options.inOutage()) return callback();
      const refusal = Object.assign(new Error(OUTAGE_REPLY), { responseCode: 421 });
      callback(refusal);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          options.store.add({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : null,
            messageId: parsed.messageId ?? null,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
