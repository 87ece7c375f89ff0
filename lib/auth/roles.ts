import { z } from "zod";

export const ROLES = ["buyer", "seller", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** What each role may open; navigation and the route guards both read it. */
export function canSell(role: Role): boolean {
  return role === "seller";
}

export function canAdminister(role: Role): boolean {
  return role === "admin";
}
