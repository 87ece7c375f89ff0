import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { ObjectStorage } from "@/lib/storage/storage";
import { IMAGE_KINDS, imageStorageKey, type ImageKind } from "./image-rules";
import { prepareImage } from "./process-image";

export type ImageUploadResult = { ok: true; imageId: string } | { ok: false; status: 404 | 415; message: string };

const CONTENT_TYPES = { webp: "image/webp", jpeg: "image/jpeg" } as const;

/**
 * What a cover or an avatar swap does in the database: inside a transaction, point the owner's row
 * at the new image and say which image it pointed at before (null: none), or say the owner is
 * gone (not found, or not the caller's).
 */
export type SwapImage = (imageId: string) => Promise<{ found: false } | { found: true; previous: string | null }>;

/**
 * The whole life of an uploaded picture: checked and rendered (nothing stored when it is refused),
 * every size stored under a fresh image ID, the owner's row pointed at it, then the previous
 * image's objects deleted. A failure part way removes what this upload stored.
 */
export async function replaceImage(kind: ImageKind, bytes: Buffer, storage: ObjectStorage, swap: SwapImage, notFound: string): Promise<ImageUploadResult> {
  const prepared = await prepareImage(kind, bytes);
  if (!prepared.ok) return { ok: false, status: 415, message: prepared.message };
  const imageId = randomUUID().replaceAll("-", "");
  try {
    for (const { variant, bytes: rendered } of prepared.variants) {
      await storage.put(imageStorageKey(imageId, variant.name), Readable.from([rendered]), CONTENT_TYPES[variant.format]);
    }
    const swapped = await swap(imageId);
    if (!swapped.found) {
      await deleteImage(kind, imageId, storage);
      return { ok: false, status: 404, message: notFound };
    }
    if (swapped.previous) await deleteImage(kind, swapped.previous, storage);
    return { ok: true, imageId };
  } catch (error) {
    await deleteImage(kind, imageId, storage);
    throw error;
  }
}

/** Deletes every stored size of an image; one that cannot be deleted is logged and left behind. */
export async function deleteImage(kind: ImageKind, imageId: string, storage: ObjectStorage): Promise<void> {
  for (const variant of IMAGE_KINDS[kind].variants) {
    const key = imageStorageKey(imageId, variant.name);
    await storage.delete(key).catch((error) => console.error("could not delete a stored image", key, error));
  }
}
