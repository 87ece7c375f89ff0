import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { courseCardSelect } from "@/lib/courses/catalogue";
import { db } from "@/lib/db";
import { replaceImage, type ImageUploadResult } from "@/lib/images/stored-images";
import type { ObjectStorage } from "@/lib/storage/storage";
import { checkHandle, handleFromName } from "./handle";

export const BIO_MAX = 2000;
export const HANDLE_TAKEN = "That handle is taken. Choose another.";
const PROFILE_GONE = "Your seller profile could not be found. Reload the page and try again.";

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A seller's profile, made on first need with a handle from their name ("sam-seller", then
 * "sam-seller-3f9a" when that is taken). Sellers from before profiles got one in the migration.
 */
export async function ensureSellerProfile(userId: string) {
  const existing = await db.sellerProfile.findUnique({ where: { userId }, select: { handle: true } });
  if (existing) return existing;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
  const base = handleFromName(user.name);
  for (const handle of [base, `${base}-${randomBytes(2).toString("hex")}`, `${base}-${randomBytes(4).toString("hex")}`]) {
    try {
      return await db.sellerProfile.create({ data: { userId, handle }, select: { handle: true } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another request made this user's profile meanwhile, or the handle is someone else's.
      const made = await db.sellerProfile.findUnique({ where: { userId }, select: { handle: true } });
      if (made) return made;
    }
  }
  throw new Error("no free handle for a seller profile");
}

export async function sellerProfileForEditing(userId: string) {
  await ensureSellerProfile(userId);
  return db.sellerProfile.findUniqueOrThrow({
    where: { userId },
    select: { handle: true, bio: true, avatarImageId: true, user: { select: { name: true } } },
  });
}

export type ProfileResult = { ok: true; handle: string; previousHandle: string } | { ok: false; field: "handle"; message: string };

/** Saves the handle and bio; a taken handle is told apart from a malformed one. */
export async function updateSellerProfile(userId: string, input: { handle: string; bio: string }): Promise<ProfileResult> {
  const checked = checkHandle(input.handle);
  if (!checked.ok) return { ok: false, field: "handle", message: checked.message };
  const { handle: previousHandle } = await ensureSellerProfile(userId);
  try {
    await db.sellerProfile.update({ where: { userId }, data: { handle: checked.handle, bio: input.bio.trim() } });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "handle", message: HANDLE_TAKEN };
    throw error;
  }
  return { ok: true, handle: checked.handle, previousHandle };
}

/** A new avatar through the image pipeline; the old one's stored sizes are deleted after the swap. */
export async function setSellerAvatar(userId: string, bytes: Buffer, storage: ObjectStorage): Promise<ImageUploadResult> {
  return replaceImage(
    "avatar",
    bytes,
    storage,
    // Made only once the picture was accepted: a refused upload changes nothing at all.
    async (imageId) =>
      ensureSellerProfile(userId).then(() => db.$transaction(async (tx) => {
        const profile = await tx.sellerProfile.findUnique({ where: { userId }, select: { avatarImageId: true } });
        if (!profile) return { found: false as const };
        await tx.sellerProfile.update({ where: { userId }, data: { avatarImageId: imageId } });
        return { found: true as const, previous: profile.avatarImageId };
      })),
    PROFILE_GONE,
  );
}

/** The public page of an active seller: profile, published courses (newest first) and students. */
export async function findSellerPage(handle: string) {
  const profile = await db.sellerProfile.findFirst({
    where: { handle, user: { disabled: false } },
    select: { userId: true, handle: true, bio: true, avatarImageId: true, user: { select: { name: true, createdAt: true } } },
  });
  if (!profile) return null;
  const [courses, students] = await Promise.all([
    db.course.findMany({
      where: { sellerId: profile.userId, published: true },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: 60,
      select: courseCardSelect,
    }),
    countStudents(profile.userId),
  ]);
  return { ...profile, courses, students };
}

/** People enrolled in any of the seller's courses, each counted once. */
export async function countStudents(sellerId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(DISTINCT e."userId") AS n FROM "Enrolment" e JOIN "Course" c ON c."id" = e."courseId" WHERE c."sellerId" = ${sellerId}`;
  return Number(row?.n ?? 0);
}

/** Handles of active sellers with published courses, for the sitemap. */
export function listPublicSellerHandles(limit: number) {
  return db.sellerProfile.findMany({
    where: { user: { disabled: false, courses: { some: { published: true } } } },
    orderBy: { updatedAt: "desc" },
    take: limit,
    select: { handle: true, updatedAt: true },
  });
}
