/** A tag: 2–30 lower-case letters or digits, words joined by single hyphens ("machine-learning"). */
export const TAG_PATTERN = /^(?=.{2,30}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_TAGS = 8;

export type TagsResult = { ok: true; tags: string[] } | { ok: false; message: string };

/**
 * The course form's tags, typed comma-separated: trimmed, lower-cased, spaces joined by hyphens,
 * duplicates dropped. Anything else is refused with the tag named, so the seller can fix it.
 */
export function parseTags(text: string): TagsResult {
  const tags: string[] = [];
  for (const part of text.split(",")) {
    const tag = part.trim().toLowerCase().replace(/\s+/g, "-");
    if (tag === "") continue;
    if (!TAG_PATTERN.test(tag)) {
      const shown = tag.length > 30 ? `${tag.slice(0, 30)}…` : tag;
      return { ok: false, message: `“${shown}” is not a tag: use 2–30 letters or digits, words joined by hyphens.` };
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (tags.length > MAX_TAGS) return { ok: false, message: `Use at most ${MAX_TAGS} tags.` };
  return { ok: true, tags };
}
