import { z } from "zod";
import { db } from "@/lib/db";
import { listHref, parseQuery, type RawQuery } from "@/lib/list-params";

export const AUDIT_PAGE_SIZE = 50;

const filtersSchema = z.object({
  action: z.string().trim().regex(/^[a-z0-9_.]{1,100}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type AuditFilters = z.output<typeof filtersSchema>;

/** Filters from a URL's query; anything malformed is dropped rather than refused. */
export function parseAuditFilters(raw: RawQuery): AuditFilters {
  return parseQuery(filtersSchema, raw);
}

export function auditHref(filters: Partial<AuditFilters>): string {
  return listHref("/admin/audit", { action: filters.action, page: filters.page });
}

/** The audit log, newest first; details pretty-printed for reading. */
export async function listAuditPage(filters: AuditFilters) {
  const where = filters.action ? { action: filters.action } : {};
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, action: true, details: true, createdAt: true, actor: { select: { name: true, email: true } } },
    }),
    db.auditLog.count({ where }),
  ]);
  const entries = rows.map((row) => ({ ...row, details: prettyDetails(row.details) }));
  return { entries, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

/** Every action recorded so far, for the filter. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db.auditLog.findMany({ distinct: ["action"], orderBy: { action: "asc" }, select: { action: true } });
  return rows.map((row) => row.action);
}

function prettyDetails(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
