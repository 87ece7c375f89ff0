import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { BodyTooLarge, readBodyWithin } from "@/lib/security/body-limit";
import { isSameOriginRequest } from "@/lib/security/same-origin";
import { IMAGE_MAX_BYTES } from "./image-rules";
import type { ImageUploadResult } from "./stored-images";

const answer = (body: object, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/**
 * The shared shape of the picture upload routes (a course's cover, a seller's avatar): the body is
 * the picture itself, at most IMAGE_MAX_BYTES; only sellers, only from this site. Answers JSON
 * { imageId } or { error } with a message for people.
 */
export async function handleImageUpload(request: Request, store: (seller: CurrentUser, bytes: Buffer) => Promise<ImageUploadResult>): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return answer({ error: "Please log in." }, 401);
  if (user.role !== "seller") return answer({ error: "You are not allowed to do that." }, 403);
  if (!isSameOriginRequest(request)) return answer({ error: "Uploads must come from this site." }, 403);
  let bytes: Buffer;
  try {
    bytes = Buffer.from(await readBodyWithin(request, IMAGE_MAX_BYTES));
  } catch (error) {
    if (error instanceof BodyTooLarge) return answer({ error: `This picture is larger than the ${IMAGE_MAX_BYTES / (1024 * 1024)} MB limit.` }, 413);
    return answer({ error: "The upload was cancelled." }, 400);
  }
  try {
    const result = await store(user, bytes);
    return result.ok ? answer({ imageId: result.imageId }, 201) : answer({ error: result.message }, result.status);
  } catch (error) {
    console.error("picture upload failed", error);
    return answer({ error: "The upload failed on our side. Nothing was kept; please try again." }, 500);
  }
}
