import { createHash } from "node:crypto";
import { openDatabase } from "./database";

/** A hash of every row of every table, per table, so a comparison names the table that changed. */
export function databaseSnapshot(): Record<string, string> {
  const db = openDatabase();
  try {
    const all = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string; sql: string | null }[];
    // A full-text table is read through itself; its shadow tables (some WITHOUT ROWID) are its storage.
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
    const tables = all.filter((t) => !virtual.some((v) => t.name.startsWith(`${v}_`)));
    return Object.fromEntries(
      tables.map(({ name }) => {
        const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
        return [name, createHash("sha256").update(JSON.stringify(rows)).digest("hex")];
      }),
    );
  } finally {
    db.close();
  }
}

export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
