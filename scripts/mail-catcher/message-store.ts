import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface CaughtMessage {
  id: string;
  receivedAt: string;
  /** The SMTP envelope: who sent it and every address it was delivered to. */
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** The HTML part of a multipart message, if it had one. */
  html?: string | null;
  messageId: string | null;
}

/** Received mail in memory, newest first; written to a JSON file after each message when one is given. */
export class MessageStore {
  private messages: CaughtMessage[] = [];
  private nextId = 1;

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) {
      this.messages = JSON.parse(readFileSync(file, "utf8")) as CaughtMessage[];
      this.nextId = Math.max(0, ...this.messages.map((m) => Number(m.id))) + 1;
    }
  }

  add(message: Omit<CaughtMessage, "id" | "receivedAt">): CaughtMessage {
    const stored = { id: String(this.nextId++), receivedAt: new Date().toISOString(), ...message };
    this.messages.unshift(stored);
    this.save();
    return stored;
  }

  list(filter: { to?: string } = {}): CaughtMessage[] {
    const to = filter.to?.toLowerCase();
    return to ? this.messages.filter((m) => m.to.some((address) => address.toLowerCase() === to)) : [...this.messages];
  }

  get(id: string): CaughtMessage | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages = [];
    this.save();
  }

  private save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.messages, null, 1));
  }
}
