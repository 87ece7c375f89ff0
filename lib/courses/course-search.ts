import { Prisma } from "@/lib/generated/prisma/client";
import type { DatabaseProvider } from "@/lib/database-url";

const MAX_WORDS = 8;

/**
 * The words of what a visitor typed: letters and digits only, so quotes, operators (AND, NEAR, *,
 * ^, :, -, parentheses) and other punctuation never reach the full-text engine as syntax.
 */
export function searchWords(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/** The last word is still being typed: it also matches as a prefix once it has three letters ("photo" → "photography"). */
const prefixed = (word: string, index: number, words: string[]) => index === words.length - 1 && word.length >= 3;

/** An FTS5 query: every word must appear (any column), each a quoted string. */
export function ftsQuery(words: string[]): string {
  return words.map((word, i) => `"${word}"${prefixed(word, i, words) ? "*" : ""}`).join(" ");
}

/** A PostgreSQL to_tsquery text: every word (stemmed by the query), the last also as a prefix. */
export function tsQuery(words: string[]): string {
  return words.map((word, i) => `${word}${prefixed(word, i, words) ? ":*" : ""}`).join(" & ");
}

/**
 * The pieces of the catalogue's query that differ per database: where the matches come from,
 * the condition and the relevance to order by (ascending: best first). `c` is the Course.
 */
export function searchClauses(provider: DatabaseProvider, words: string[]) {
  if (provider === "postgresql") {
    const query = Prisma.sql`to_tsquery('english', ${tsQuery(words)})`;
    return {
      from: Prisma.sql`"CourseSearchEntry" e JOIN "Course" c ON c."id" = e."courseId"`,
      match: Prisma.sql`e."document" @@ ${query}`,
      relevance: Prisma.sql`-ts_rank(e."document", ${query})`,
    };
  }
  // CROSS JOIN fixes SQLite's join order: the matches first, then their courses. Left to itself
  // the planner may walk every published course and ask the index about each one.
  // bm25 per column (title, seller, tags, description): a title match outweighs the rest.
  return {
    from: Prisma.sql`"CourseSearch" s CROSS JOIN "CourseSearchEntry" e CROSS JOIN "Course" c`,
    match: Prisma.sql`"CourseSearch" MATCH ${ftsQuery(words)} AND e."rowKey" = s.rowid AND c."id" = e."courseId"`,
    relevance: Prisma.sql`bm25("CourseSearch", 10.0, 4.0, 4.0, 1.0)`,
  };
}
