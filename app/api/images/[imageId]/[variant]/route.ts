import { Readable } from "node:stream";
import { imageKindOf } from "@/lib/images/image-owners";
import { imageStorageKey, imageVariant, isImageId } from "@/lib/images/image-rules";
import { fileStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ imageId: string; variant: string }> };

const CONTENT_TYPES = { webp: "image/webp", jpeg: "image/jpeg" } as const;
/** An image ID is new for every upload, so what a URL names never changes: cache it for a year. */
const FOREVER = "public, max-age=31536000, immutable";

/** One stored size of a course cover or a seller's picture (both public), while something uses it. */
export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { imageId, variant: name } = await params;
  const notFound = () => new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  if (!isImageId(imageId)) return notFound();
  const kind = await imageKindOf(imageId);
  const variant = kind && imageVariant(kind, name);
  if (!variant) return notFound();
  try {
    const key = imageStorageKey(imageId, variant.name);
    const stored = await fileStorage().stat(key);
    if (!stored) return notFound();
    const body = await fileStorage().read(key);
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        "content-type": CONTENT_TYPES[variant.format],
        "content-length": String(stored.size),
        "cache-control": FOREVER,
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    console.error("stored image could not be read", imageId, name, error);
    return new Response("This picture is not available right now.", { status: 503, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
}
