import { describe, expect, it } from "vitest";
import { readingSeconds, renderLessonMarkdown } from "@/lib/lessons/markdown";

describe("renderLessonMarkdown keeps hostile input harmless", () => {
  // [what the seller wrote, what must not be in the HTML]
  const hostile: Array<[string, RegExp]> = [
    ["<script>alert(1)</script>", /<script/i],
    ["Hello <img src=x onerror=alert(1)>", /<img/i],
    ['<a href="javascript:alert(1)">x</a>', /<a /i],
    ["[click](javascript:alert(1))", /href="javascript/i],
    ["[click](JAVASCRIPT:alert(1))", /href="javascript/i],
    ["[click](  javascript:alert(1))", /href="\s*javascript/i],
    ["[click](data:text/html;base64,PHNjcmlwdD4=)", /href="data:/i],
    ["[click](vbscript:msgbox)", /href="vbscript/i],
    ["![pixel](https://tracker.example/p.gif)", /<img/i],
    ["![pixel](//tracker.example/p.gif)", /<img/i],
    ["![x](/api/lessons/a/files/b\" onerror=\"alert(1))", /<[^>]*\son\w+\s*=/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["<style>body{display:none}</style>", /<style/i],
    ['<div onclick="steal()">hi</div>', /<div/i],
    ["<svg><script>alert(1)</script></svg>", /<svg|<script/i],
    ['<form action="/x"><input name=a></form>', /<form|<input/i],
    ["[x](https://ok.example \"t\" onmouseover=alert(1))", /<[^>]*\son\w+\s*=/i],
  ];
  it.each(hostile)("%s", (source, forbidden) => {
    expect(renderLessonMarkdown(source)).not.toMatch(forbidden);
  });

  it("keeps what lessons need: headings, lists, code blocks, safe links and our own images", () => {
    const html = renderLessonMarkdown(
      ["## Set-up", "", "- one", "- two", "", "```ts", "const a = 1 < 2;", "```", "", "[docs](https://example.com)", "", "![diagram](/api/lessons/abc123/files/def456)"].join("\n"),
    );
    expect(html).toContain("<h2>Set-up</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<code class="language-ts">const a = 1 &lt; 2;');
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">docs</a>');
    expect(html).toContain('<img src="/api/lessons/abc123/files/def456" alt="diagram" />');
  });

  it("shows raw HTML as text instead of dropping the seller's words", () => {
    expect(renderLessonMarkdown("Use <b>bold</b> sparingly")).toContain("Use &lt;b&gt;bold&lt;/b&gt; sparingly");
  });
});

describe("readingSeconds", () => {
  it.each([
    ["", 0],
    ["```\n```", 0],
    ["one word", 60],
    [Array.from({ length: 400 }, () => "word").join(" "), 120],
    [Array.from({ length: 1000 }, () => "word").join(" "), 300],
  ])("%#", (source, seconds) => {
    expect(readingSeconds(source)).toBe(seconds);
  });
});
