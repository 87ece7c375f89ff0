import { db } from "@/lib/db";
import type { ImageKind } from "./image-rules";

/** What an image ID is in use as, for the image route; null when nothing uses it (never stored, or replaced). */
export async function imageKindOf(imageId: string): Promise<ImageKind | null> {
  const [cover, avatar] = await Promise.all([
    db.courseCover.count({ where: { imageId } }),
    db.sellerProfile.count({ where: { avatarImageId: imageId } }),
  ]);
  return cover ? "cover" : avatar ? "avatar" : null;
}
