import { dbProvider } from "./db";

/**
 * A case-insensitive "contains" filter for a text column, the same on both databases: SQLite's
 * LIKE already ignores ASCII case (and its client refuses `mode`), PostgreSQL's needs ILIKE.
 */
export function containsIgnoringCase(term: string): { contains: string } {
  if (dbProvider === "postgresql") return { contains: term, mode: "insensitive" } as { contains: string };
  return { contains: term };
}
