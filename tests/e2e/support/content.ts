import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { openDatabase } from "./database";

export const PDF_BYTES = readFileSync("prisma/demo-media/cheat-sheet.pdf");

const newId = (prefix: string) => `${prefix}${randomUUID().replace(/-/g, "")}`;

function insert(sql: string, ...params: unknown[]) {
  const db = openDatabase();
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

/** A section at the end of the course. */
export function createSection(courseId: string, title = "Section"): string {
  const id = newId("e2es");
  const now = new Date().toISOString();
  insert(
    `INSERT INTO "CourseSection" (id, courseId, title, position, createdAt, updatedAt)
     VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM "CourseSection" WHERE courseId = ?), ?, ?)`,
    id, courseId, title, courseId, now, now,
  );
  return id;
}

export function createLesson(courseId: string, sectionId: string, options: { title?: string; published?: boolean; preview?: boolean } = {}): string {
  const id = newId("e2el");
  const now = new Date().toISOString();
  insert(
    `INSERT INTO "Lesson" (id, courseId, sectionId, title, body, position, published, preview, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 'Some **text**.', (SELECT coalesce(max(position), 0) + 1 FROM "Lesson" WHERE sectionId = ?), ?, ?, ?, ?)`,
    id, courseId, sectionId, options.title ?? "Lesson", sectionId, options.published ? 1 : 0, options.preview ? 1 : 0, now, now,
  );
  return id;
}

/** An attachment row whose object was never stored: enough to detach and release it. */
export function createAttachment(lessonId: string, ownerId: string): string {
  const fileId = newId("e2ef");
  const now = new Date().toISOString();
  insert(
    `INSERT INTO "StoredFile" (id, storageKey, ownerId, filename, contentType, sizeBytes, createdAt) VALUES (?, ?, ?, 'notes.pdf', 'application/pdf', 10, ?)`,
    fileId, `lessons/e2e/${randomUUID()}`, ownerId, now,
  );
  insert(`INSERT INTO "LessonAttachment" (id, lessonId, fileId, createdAt) VALUES (?, ?, ?, ?)`, newId("e2ea"), lessonId, fileId, now);
  return fileId;
}

export function uploadUrl(lessonId: string, purpose: "video" | "file", name: string): string {
  return `/api/lessons/${lessonId}/files?purpose=${purpose}&name=${encodeURIComponent(name)}`;
}

/** Uploads through the app's own route, as the seller's browser does. */
export async function uploadThroughRoute(request: APIRequestContext, lessonId: string, bytes: Buffer, name = "slides.pdf"): Promise<string> {
  const response = await request.post(uploadUrl(lessonId, "file", name), { data: bytes, headers: { "content-type": "application/octet-stream" } });
  if (response.status() !== 201) throw new Error(`upload failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { fileId: string }).fileId;
}
