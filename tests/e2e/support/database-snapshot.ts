import { createHash } from "node:crypto";
import { openDatabase } from "./database";

/** A hash of every row of every table, per table, so a comparison names the table that changed. */
export function databaseSnapshot(): Record<string, string> {
  const db = openDatabase();
  try {
    const tables = db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`)
      .all() as { name: string }[];
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
