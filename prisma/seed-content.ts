import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { db } from "../lib/db";
import { fileStorage } from "../lib/storage";

const MEDIA = path.join(path.dirname(fileURLToPath(import.meta.url)), "demo-media");

/** Made with ffmpeg (test pattern and a tone, 12 s, fast-start MP4) and a hand-written one-page PDF. */
const DEMO_FILES = {
  video: { storageKey: "demo/welcome-video", file: "welcome.mp4", filename: "welcome.mp4", contentType: "video/mp4", durationSeconds: 12 },
  pdf: { storageKey: "demo/cheat-sheet", file: "cheat-sheet.pdf", filename: "cheat-sheet.pdf", contentType: "application/pdf", durationSeconds: null },
} as const;

interface Topic {
  language: string;
  snippet: string;
  ideas: [string, string, string];
}

const TOPICS: Record<string, Topic> = {
  "stripe-payments-from-scratch": {
    language: "ts",
    snippet: `const intent = await stripe.paymentIntents.create(\n  { amount: 4900, currency: "usd" },\n  { idempotencyKey: \`order-\${order.id}\` },\n);`,
    ideas: ["PaymentIntents and their states", "Idempotency keys tied to the order", "Webhooks that are verified and stored once"],
  },
  "typescript-for-backend-developers": {
    language: "ts",
    snippet: `type Result =\n  | { ok: true; id: string }\n  | { ok: false; message: string };`,
    ideas: ["strict mode and what it catches", "Discriminated unions for results", "zod at the edges of the system"],
  },
  "sql-you-will-actually-use": {
    language: "sql",
    snippet: `SELECT c.title, count(o.id) AS sales\nFROM course c\nLEFT JOIN "order" o ON o.course_id = c.id AND o.status = 'paid'\nGROUP BY c.id\nORDER BY sales DESC;`,
    ideas: ["Joins you can read", "Indexes that match your queries", "Reading a query plan"],
  },
  "react-server-components-in-practice": {
    language: "tsx",
    snippet: `export default async function Page() {\n  const courses = await listCourses();\n  return <CourseList courses={courses} />;\n}`,
    ideas: ["Data on the server", "Client components only where needed", "Keeping bundles small"],
  },
  "testing-web-apps-with-playwright": {
    language: "ts",
    snippet: `test("a buyer pays", async ({ page }) => {\n  await page.goto("/courses/sql");\n  await page.getByRole("link", { name: "Buy this course" }).click();\n});`,
    ideas: ["Locators by role and name", "Fixtures that make users", "Traces when a test fails"],
  },
  "accessible-forms": {
    language: "html",
    snippet: `<label for="email">Email</label>\n<input id="email" name="email" type="email"\n       aria-describedby="email-error" autocomplete="email">`,
    ideas: ["Every field has a label", "Errors people can find", "Focus that goes where it should"],
  },
  "pricing-your-online-course": {
    language: "text",
    snippet: `price = value to the buyer × share you can capture\n49 USD × 200 buyers = 9,800 USD before fees`,
    ideas: ["What the course is worth to a buyer", "Anchors and bundles", "Testing a price change"],
  },
  "japanese-for-developers": {
    language: "ts",
    snippet: `const greetings = { morning: "おはよう", day: "こんにちは", evening: "こんばんは" };\nconsole.log(greetings.day);`,
    ideas: ["Hiragana first", "Words you meet in code and docs", "Polite forms at work"],
  },
};

const FALLBACK: Topic = {
  language: "text",
  snippet: "1. Read\n2. Try\n3. Explain it to someone",
  ideas: ["The core idea", "A worked example", "Common mistakes"],
};

function lessonsFor(title: string, topic: Topic) {
  const [first, second, third] = topic.ideas;
  return [
    {
      section: "Getting started",
      lessons: [
        {
          title: "Welcome and how this course works",
          preview: true,
          video: true,
          pdf: false,
          body: `Welcome to **${title}**.\n\nThis short video shows how the lessons are laid out. In this course you will learn:\n\n- ${first}\n- ${second}\n- ${third}\n\nEach lesson ends with something to try. Mark it complete when you have done it, and the player remembers where you stopped.`,
        },
        {
          title: "Set-up and your cheat sheet",
          preview: false,
          video: false,
          pdf: true,
          body: `## What you need\n\n1. A recent browser and an editor you like.\n2. About twenty minutes without interruptions.\n3. The cheat sheet below: download it and keep it open.\n\n## A first taste\n\n\`\`\`${topic.language}\n${topic.snippet}\n\`\`\`\n\nRead it once now; we take it apart in the next section.`,
        },
      ],
    },
    {
      section: "Core ideas",
      lessons: [
        {
          title: first,
          preview: false,
          video: false,
          pdf: false,
          body: `## ${first}\n\nStart from what you already know, then change one thing at a time.\n\n- Write the smallest example that works.\n- Break it on purpose and read the error.\n- Fix it and note *why* it broke.\n\n> Understanding why something fails is worth more than a working copy.\n\nTry it on the example from the set-up lesson before going on.`,
        },
        {
          title: second,
          preview: false,
          video: false,
          pdf: false,
          body: `## ${second}\n\nHere is the example again, with the part that matters in this lesson:\n\n\`\`\`${topic.language}\n${topic.snippet}\n\`\`\`\n\n### Checklist\n\n- [ ] You can say what each line does.\n- [ ] You changed one value and predicted the result.\n- [ ] You know where this goes wrong in real projects.`,
        },
        {
          title: `Practice: ${third.toLowerCase()}`,
          preview: false,
          video: false,
          pdf: false,
          body: `## Your turn\n\nPut ${third.toLowerCase()} into practice on a small project of your own.\n\n1. Pick one screen or one query you already have.\n2. Apply what you learned in the last two lessons.\n3. Compare before and after, and write down one sentence on what changed.\n\nWhen you are done, mark this lesson complete: you have finished the course.`,
        },
      ],
    },
  ];
}

async function demoFile(kind: keyof typeof DEMO_FILES, ownerId: string): Promise<string> {
  const spec = DEMO_FILES[kind];
  const source = path.join(MEDIA, spec.file);
  const storage = fileStorage();
  if (!(await storage.stat(spec.storageKey))) await storage.put(spec.storageKey, createReadStream(source), spec.contentType);
  const existing = await db.storedFile.findUnique({ where: { storageKey: spec.storageKey }, select: { id: true } });
  if (existing) return existing.id;
  const created = await db.storedFile.create({
    data: {
      storageKey: spec.storageKey,
      ownerId,
      filename: spec.filename,
      contentType: spec.contentType,
      sizeBytes: (await stat(source)).size,
      durationSeconds: spec.durationSeconds,
    },
    select: { id: true },
  });
  return created.id;
}

/** Gives each listed course (by slug) sections and lessons when it has none yet; one video and one PDF are shared by all. */
export async function seedCourseContent(slugs: readonly string[]): Promise<number> {
  let seeded = 0;
  for (const slug of slugs) {
    const course = await db.course.findUnique({ where: { slug }, select: { id: true, title: true, sellerId: true, _count: { select: { sections: true } } } });
    if (!course || course._count.sections > 0) continue;
    const videoId = await demoFile("video", course.sellerId);
    const pdfId = await demoFile("pdf", course.sellerId);
    for (const [sectionIndex, section] of lessonsFor(course.title, TOPICS[slug] ?? FALLBACK).entries()) {
      const created = await db.courseSection.create({ data: { courseId: course.id, title: section.section, position: sectionIndex + 1 }, select: { id: true } });
      for (const [lessonIndex, lesson] of section.lessons.entries()) {
        await db.lesson.create({
          data: {
            courseId: course.id,
            sectionId: created.id,
            title: lesson.title,
            body: lesson.body,
            position: lessonIndex + 1,
            published: true,
            preview: lesson.preview,
            videoFileId: lesson.video ? videoId : null,
            attachments: lesson.pdf ? { create: { fileId: pdfId } } : undefined,
          },
        });
      }
    }
    seeded += 1;
  }
  return seeded;
}
