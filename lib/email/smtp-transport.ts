import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { env } from "@/lib/env";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML; the text is its plain-text alternative (multipart/alternative). */
  html?: string;
}

export interface MailSender {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** A nodemailer SMTP transport from SMTP_URL; timeouts well inside the outbox's claim lease. */
export function smtpSender(): MailSender {
  const { SMTP_URL, MAIL_FROM } = env();
  const options: SMTPTransport.Options = { url: SMTP_URL, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  const transport = nodemailer.createTransport(options);
  return {
    async send(email) {
      await transport.sendMail({ from: MAIL_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html });
    },
    close: () => transport.close(),
  };
}

/** The server's answer in one short line ("421 Service not available"), never a stack trace. */
export function describeSendError(error: unknown): string {
  const details = error as { response?: unknown; code?: unknown; message?: unknown };
  const text =
    typeof details.response === "string" && details.response
      ? details.response
      : [typeof details.code === "string" ? details.code : null, typeof details.message === "string" ? details.message : String(error)]
          .filter(Boolean)
          .join(": ");
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** A 5xx answer (unknown mailbox, address refused) will not change on a retry; 4xx and network errors may. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}
