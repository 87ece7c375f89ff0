import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { uploadLessonFile } from "@/lib/lessons/lesson-files";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const query = z.object({
  purpose: z.enum(["video", "file"]),
  name: z.string().trim().min(1).max(255),
});
const lessonIdSchema = z.string().regex(/^[a-z0-9]{1,64}$/);

type Params = { params: Promise<{ lessonId: string }> };

const text = (message: string, status: number) =>
  Response.json({ error: message }, { status, headers: { "cache-control": "no-store" } });

/**
 * Upload a lesson's video or a downloadable file. The body is the file itself, read as a stream
 * and written to storage as it arrives: this route is the one exception to the small body limit
 * of other routes, with its own limits (UPLOAD_MAX_VIDEO_MB, UPLOAD_MAX_FILE_MB).
 * Query: ?purpose=video|file&name=<the file's name>; header X-Video-Duration: seconds (optional).
 */
export async function POST(request: Request, { params }: Params): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return text("Please log in.", 401);
  if (user.role !== "seller" && user.role !== "admin") return text("You are not allowed to do that.", 403);
  if (!isSameOriginRequest(request)) return text("Uploads must come from this site.", 403);
  const { lessonId } = await params;
  if (!lessonIdSchema.safeParse(lessonId).success) return text("That lesson does not exist or is not yours.", 404);
  const url = new URL(request.url);
  const parsed = query.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return text("Choose a video or a file to upload.", 400);
  if (!request.body) return text("The file is empty.", 400);

  const declared = Number(request.headers.get("content-length"));
  const duration = Number(request.headers.get("x-video-duration"));
  const result = await uploadLessonFile(
    user,
    {
      purpose: parsed.data.purpose,
      lessonId,
      filename: parsed.data.name,
      declaredBytes: Number.isSafeInteger(declared) && declared >= 0 && request.headers.has("content-length") ? declared : null,
      clientDurationSeconds: Number.isFinite(duration) && duration > 0 && duration < 7 * 86_400 ? Math.round(duration) : null,
      body: Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
    },
    fileStorage(),
    env().uploadLimits,
  ).catch((error: unknown) => {
    // A cancelled upload ends the request stream: nothing was kept, and nobody is waiting for the answer.
    if (request.signal.aborted) return { ok: false as const, status: 400 as const, message: "The upload was cancelled." };
    console.error("upload failed", error);
    return { ok: false as const, status: 500 as const, message: "The upload failed on our side. Nothing was kept; please try again." };
  });
  if (!result.ok) return text(result.message, result.status);
  return Response.json({ fileId: result.fileId, filename: result.filename, sizeBytes: result.sizeBytes }, { status: 201 });
}
