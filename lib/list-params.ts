import { z } from "zod";

const listParamsSchema = z.object({
  q: z.string().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ListParams = z.output<typeof listParamsSchema>;

/** Search and page from a URL's query; anything malformed falls back to the first page. */
export function parseListParams(raw: Record<string, string | string[] | undefined>): ListParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return listParamsSchema.parse({ q: first(raw.q), page: first(raw.page) });
}

export function listHref(path: string, params: { q?: string; page?: number }): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.page && params.page > 1) query.set("page", String(params.page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
