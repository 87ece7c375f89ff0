// Stripe-style identifiers: a prefix and random base-62 characters.
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

export function randomChars(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length; i++) {
    const b = bytes[i % bytes.length];
    if (b < 248) out += ALPHABET[b % 62];
    if (i > length * 8) break;
  }
  return out;
}

const LENGTHS: Record<string, number> = { cus: 14, acct: 16, prod: 14, si: 14, ca: 32, il: 24, sub: 24 };

export function newId(prefix: string): string {
  return `${prefix}_${randomChars(LENGTHS[prefix] ?? 24)}`;
}

export function clientSecret(id: string): string {
  return `${id}_secret_${randomChars(25)}`;
}
