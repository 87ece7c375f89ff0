import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";
import { dimensionsProblem, IMAGE_KINDS, IMAGE_MAX_PIXELS, uploadProblem, type ImageKind, type ImageVariant } from "./image-rules";

export interface RenderedVariant {
  variant: ImageVariant;
  bytes: Buffer;
}

export type PreparedImage = { ok: true; variants: RenderedVariant[] } | { ok: false; message: string };

const UNREADABLE = "This picture could not be read (the file may be damaged). Choose another JPEG, PNG or WebP picture.";

/** A sharp pipeline that refuses to decode more than IMAGE_MAX_PIXELS, whatever the header claims. */
const open = (bytes: Buffer) => sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "error", sequentialRead: true });

/**
 * Checks an upload (type from its bytes, size, dimensions read from the header before any pixel
 * is decoded) and renders every size the pages need: turned upright, cropped to the size's shape
 * around the centre, and re-encoded, which leaves EXIF, GPS and other metadata behind.
 */
export async function prepareImage(kind: ImageKind, bytes: Buffer): Promise<PreparedImage> {
  const sniffed = await fileTypeFromBuffer(bytes);
  const problem = uploadProblem(bytes.length, sniffed?.mime);
  if (problem) return { ok: false, message: problem };

  let metadata: Metadata;
  try {
    // Reading the header decodes no pixels, so its claimed size can be judged before anything else.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: UNREADABLE };
  }
  // EXIF orientations 5–8 are stored sideways: the picture people see is the other way round.
  const sideways = (metadata.orientation ?? 1) >= 5;
  const size = dimensionsProblem(kind, sideways ? metadata.height : metadata.width, sideways ? metadata.width : metadata.height);
  if (size) return { ok: false, message: size };

  try {
    const upright = open(bytes).rotate();
    const variants = await Promise.all(
      IMAGE_KINDS[kind].variants.map(async (variant) => {
        const resized = upright.clone().resize(variant.width, variant.height, { fit: "cover", position: "centre" });
        const encoded = variant.format === "webp" ? resized.webp({ quality: 80 }) : resized.flatten({ background: "#ffffff" }).jpeg({ quality: 82 });
        return { variant, bytes: await encoded.toBuffer() };
      }),
    );
    return { ok: true, variants };
  } catch {
    // Truncated data, or pixels past the limit that the header did not admit to.
    return { ok: false, message: UNREADABLE };
  }
}
