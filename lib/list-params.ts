import { z } from "zod";

export type RawQuery = Record<string, string | string[] | undefined>;

/**
 * A list page's filters from its URL query: the schema's keys only, the first value of a repeated
 * one, an empty one as absent. Malformed values are the schema's to drop (`.catch`), never an error.
 */
export function parseQuery<Schema extends z.ZodObject>(schema: Schema, raw: RawQuery): z.output<Schema> {
  const values = Object.fromEntries(
    Object.keys(schema.shape).map((key) => {
      const value = raw[key];
      const text = Array.isArray(value) ? value[0] : value;
      return [key, text === "" ? undefined : text];
    }),
  );
  return schema.parse(values);
}

/** A list page's URL: the filters that are set, in the order given, and the page after the first. */
export function listHref(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" ? typeof value === "number" && value > 1 : value) query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

const listParamsSchema = z.object({
  q: z.string().max(100).catch("").default(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ListParams = z.output<typeof listParamsSchema>;

/** Search and page from a URL's query; anything malformed falls back to the first page. */
export function parseListParams(raw: RawQuery): ListParams {
  return parseQuery(listParamsSchema, raw);
}
