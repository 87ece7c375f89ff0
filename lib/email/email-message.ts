export const EMAIL_KINDS = ["sale", "refund", "renewal_failed", "account"] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** One rendered email, ready for the outbox: the text is frozen when the event happens. */
export interface EmailMessage {
  kind: EmailKind;
  /** The business event and the recipient: the same event never queues the same email twice. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "22 November 2026": mail is read anywhere, so dates are stated in UTC and say so where it matters. */
export function formatEmailDate(date: Date): string {
  return dateFormat.format(date);
}

/** Label-value lines aligned into a column, so details read as a small table in any mail client. */
export function detailLines(rows: Array<[label: string, value: string]>): string {
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return rows.map(([label, value]) => `  ${`${label}:`.padEnd(width + 1)}${value}`).join("\n");
}

export function greeting(name: string): string {
  const trimmed = name.trim();
  return trimmed ? `Hello ${trimmed},` : "Hello,";
}

export const SIGNATURE = "— Coursemarket";
