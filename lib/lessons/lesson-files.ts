import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import type { UploadLimits } from "@/lib/env";
import { safeFilename } from "@/lib/storage/content-disposition";
import { fileStorage } from "@/lib/storage";
import type { ObjectStorage } from "@/lib/storage/storage";
import { editableCourses, type Viewer } from "./content-access";
import { mp4DurationSeconds, sniffUpload, type UploadPurpose } from "./file-kinds";

/** Enough of the start of a file to recognise its type (ZIP-based formats list their parts early). */
const SNIFF_BYTES = 64 * 1024;

export type UploadResult =
  | { ok: true; fileId: string; filename: string; sizeBytes: number }
  | { ok: false; status: 400 | 404 | 413 | 415; message: string };

export interface UploadRequest {
  purpose: UploadPurpose;
  lessonId: string;
  filename: string;
  /** From Content-Length, when the browser sent one: an oversize upload is refused before reading it. */
  declaredBytes: number | null;
  /** The length the browser measured, used for videos whose own header does not say. */
  clientDurationSeconds: number | null;
  body: AsyncIterable<Uint8Array>;
}

class TooLarge extends Error {}

function limitFor(purpose: UploadPurpose, limits: UploadLimits): number {
  return purpose === "video" ? limits.videoBytes : limits.fileBytes;
}

function tooLarge(purpose: UploadPurpose, limits: UploadLimits): UploadResult {
  const megabytes = Math.round(limitFor(purpose, limits) / (1024 * 1024));
  return { ok: false, status: 413, message: `This ${purpose === "video" ? "video" : "file"} is larger than the ${megabytes} MB limit.` };
}

/**
 * Streams an upload into storage and attaches it to the lesson. The type is read from the file's
 * first bytes; the size is counted as it streams. Anything that fails (wrong type, too large, a
 * cancelled request, a lesson deleted meanwhile) leaves no object and no row behind.
 */
export async function uploadLessonFile(editor: Viewer, request: UploadRequest, storage: ObjectStorage, limits: UploadLimits): Promise<UploadResult> {
  const lesson = await db.lesson.findFirst({ where: { id: request.lessonId, course: editableCourses(editor) }, select: { id: true, courseId: true } });
  if (!lesson) return { ok: false, status: 404, message: "That lesson does not exist or is not yours." };
  const limit = limitFor(request.purpose, limits);
  if (request.declaredBytes !== null && request.declaredBytes > limit) return tooLarge(request.purpose, limits);

  const iterator = request.body[Symbol.asyncIterator]();
  const head = await readHead(iterator);
  if (head.length === 0) return { ok: false, status: 400, message: "The file is empty." };
  const sniffed = await sniffUpload(request.purpose, head);
  if (!sniffed.ok) {
    await iterator.return?.();
    return { ok: false, status: 415, message: sniffed.message };
  }

  const storageKey = `lessons/${lesson.courseId}/${randomUUID()}`;
  let received = 0;
  const counted = Readable.from(
    (async function* () {
      for (let step: IteratorResult<Uint8Array> = { done: false, value: head }; !step.done; step = await iterator.next()) {
        received += step.value.length;
        if (received > limit) throw new TooLarge();
        yield step.value;
      }
    })(),
  );
  try {
    await storage.put(storageKey, counted, sniffed.contentType);
  } catch (error) {
    counted.destroy();
    await iterator.return?.();
    await storage.delete(storageKey).catch(() => undefined);
    if (error instanceof TooLarge) return tooLarge(request.purpose, limits);
    throw error;
  }

  const filename = withExtension(safeFilename(request.filename, request.purpose), sniffed.extension);
  const durationSeconds = request.purpose === "video" ? (mp4DurationSeconds(head) ?? request.clientDurationSeconds) : null;
  let replaced: string | null = null;
  try {
    const file = await db.$transaction(async (tx) => {
      const current = await tx.lesson.findFirst({ where: { id: lesson.id, course: editableCourses(editor) }, select: { videoFileId: true } });
      if (!current) return null;
      const created = await tx.storedFile.create({
        data: { storageKey, ownerId: editor.id, filename, contentType: sniffed.contentType, sizeBytes: received, durationSeconds },
        select: { id: true },
      });
      if (request.purpose === "video") {
        replaced = current.videoFileId;
        await tx.lesson.update({ where: { id: lesson.id }, data: { videoFileId: created.id } });
      } else {
        await tx.lessonAttachment.create({ data: { lessonId: lesson.id, fileId: created.id } });
      }
      return created;
    });
    if (!file) {
      await storage.delete(storageKey);
      return { ok: false, status: 404, message: "That lesson was deleted while the file was uploading." };
    }
    if (replaced) await releaseFiles([replaced], storage);
    return { ok: true, fileId: file.id, filename, sizeBytes: received };
  } catch (error) {
    await storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

async function readHead(iterator: AsyncIterator<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const step = await iterator.next();
    if (step.done) break;
    chunks.push(Buffer.from(step.value));
    length += step.value.length;
  }
  return Buffer.concat(chunks);
}

function withExtension(name: string, extension: string): string {
  const stem = name.replace(/\.[^.]*$/, "") || "file";
  return `${stem}.${extension}`;
}

/**
 * Deletes the stored files that no lesson references any more: first the row (in a transaction
 * that re-counts the references), then the object. An object whose delete fails is logged and
 * left behind, never a row pointing at nothing.
 */
export async function releaseFiles(fileIds: string[], storage: ObjectStorage = fileStorage()): Promise<number> {
  let deleted = 0;
  for (const fileId of new Set(fileIds)) {
    const key = await db.$transaction(async (tx) => {
      const videos = await tx.lesson.count({ where: { videoFileId: fileId } });
      const attachments = await tx.lessonAttachment.count({ where: { fileId } });
      if (videos + attachments > 0) return null;
      const file = await tx.storedFile.findUnique({ where: { id: fileId }, select: { storageKey: true } });
      if (!file) return null;
      await tx.storedFile.delete({ where: { id: fileId } });
      return file.storageKey;
    });
    if (!key) continue;
    await storage.delete(key).catch((error) => console.error("could not delete a stored object", key, error));
    deleted += 1;
  }
  return deleted;
}
