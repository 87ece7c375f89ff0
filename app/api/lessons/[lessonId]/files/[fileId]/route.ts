import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/current-user";
import { fileForViewer } from "@/lib/lessons/content-access";
import { fileStorage } from "@/lib/storage";
import { parseRange } from "@/lib/storage/byte-range";
import { contentDisposition } from "@/lib/storage/content-disposition";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ lessonId: string; fileId: string }> };

const ID = /^[a-z0-9]{1,64}$/;

/** Paid files stay out of shared caches and are never guessed at by type. */
const PRIVATE = { "cache-control": "private, no-store", "x-content-type-options": "nosniff" };

/**
 * A lesson's video or download. Access is checked on every request with the course rule
 * (lib/lessons/content-access.ts); with S3 the answer is a redirect to a short-lived signed URL,
 * issued only after the check. Range requests get 206, bad ranges 416.
 */
export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { lessonId, fileId } = await params;
  const notFound = () => new Response("Not found.", { status: 404, headers: { ...PRIVATE, "content-type": "text/plain; charset=utf-8" } });
  if (!ID.test(lessonId) || !ID.test(fileId)) return notFound();
  const user = await getCurrentUser();
  const found = await fileForViewer(user, lessonId, fileId);
  if (!found) return user ? notFound() : new Response("Please log in.", { status: 401, headers: { ...PRIVATE, "content-type": "text/plain; charset=utf-8" } });
  const { file, isVideo } = found;
  const download = new URL(request.url).searchParams.has("download") || !isVideo;
  const disposition = contentDisposition(download ? "attachment" : "inline", file.filename);
  const storage = fileStorage();

  const signed = await storage.signedUrl(file.storageKey, { filename: file.filename, contentType: file.contentType, disposition: download ? "attachment" : "inline" });
  if (signed) return new Response(null, { status: 302, headers: { ...PRIVATE, location: signed } });

  const size = file.sizeBytes;
  const common = { ...PRIVATE, "content-type": file.contentType, "content-disposition": disposition, "accept-ranges": "bytes" };
  const wanted = parseRange(request.headers.get("range"), size);
  if (wanted.kind === "unsatisfiable") {
    return new Response("That byte range is not in this file.", { status: 416, headers: { ...PRIVATE, "content-range": `bytes */${size}`, "content-type": "text/plain; charset=utf-8" } });
  }
  try {
    if (wanted.kind === "whole") {
      const body = await storage.read(file.storageKey);
      return new Response(Readable.toWeb(body) as ReadableStream, { status: 200, headers: { ...common, "content-length": String(size) } });
    }
    const { start, end } = wanted.range;
    const body = await storage.read(file.storageKey, wanted.range);
    return new Response(Readable.toWeb(body) as ReadableStream, {
      status: 206,
      headers: { ...common, "content-length": String(end - start + 1), "content-range": `bytes ${start}-${end}/${size}` },
    });
  } catch (error) {
    console.error("stored file could not be read", file.id, error);
    return new Response("This file is not available right now.", { status: 503, headers: { ...PRIVATE, "content-type": "text/plain; charset=utf-8" } });
  }
}
