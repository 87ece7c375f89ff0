import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Raw HTML in the Markdown is shown as text, not parsed; the sanitizer below is the second wall
// in case the renderer ever lets something through.
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Images only from our own file route (lib/lessons/file-urls.ts): never a tracking pixel or a foreign host. */
const OWN_FILE_PATH = /^\/api\/lessons\/[a-z0-9]+\/files\/[a-z0-9]+$/;

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "ul", "ol", "li",
    "strong", "em", "s", "code", "pre", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "title"],
    ol: ["start"],
    code: ["class"],
    th: ["style"],
    td: ["style"],
  },
  allowedClasses: { code: [/^language-[a-z0-9+#-]+$/] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  exclusiveFilter: (frame) => frame.tag === "img" && !OWN_FILE_PATH.test(frame.attribs.src ?? ""),
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: "noopener noreferrer nofollow" } }),
  },
};

/** Lesson Markdown to HTML that is safe to put in the page as is. */
export function renderLessonMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), ALLOWED);
}

const WORDS_PER_MINUTE = 200;

/** Reading time in seconds at 200 words a minute, at least one minute for any text. */
export function readingSeconds(source: string): number {
  const words = source.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words === 0) return 0;
  return Math.max(60, Math.round((words / WORDS_PER_MINUTE) * 60));
}
