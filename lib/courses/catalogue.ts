import { cache } from "react";
import { db } from "@/lib/db";
import { containsIgnoringCase } from "@/lib/db-text-search";

export const CATALOGUE_PAGE_SIZE = 12;

const visibleCourse = { published: true, seller: { disabled: false } } as const;

/** What a course card shows (components/course-card.tsx): one select for every list of cards. */
export const courseCardSelect = {
  id: true,
  slug: true,
  title: true,
  description: true,
  priceMinor: true,
  currency: true,
  cover: { select: { imageId: true } },
  seller: { select: { name: true, sellerProfile: { select: { handle: true } } } },
} as const;

export interface CatalogueQuery {
  search?: string;
  page?: number;
}

/** One page of published courses, newest first, with only the columns the cards show. */
export async function listPublishedCourses({ search = "", page = 1 }: CatalogueQuery) {
  const term = search.trim().slice(0, 100);
  const where = term ? { ...visibleCourse, title: containsIgnoringCase(term) } : visibleCourse;
  const [courses, total] = await Promise.all([
    db.course.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * CATALOGUE_PAGE_SIZE,
      take: CATALOGUE_PAGE_SIZE,
      select: courseCardSelect,
    }),
    db.course.count({ where }),
  ]);
  return { courses, total, page, pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)) };
}

/** A published course of an active seller by its address, with what its page shows; null otherwise. */
export async function findPublishedCourse(slug: string) {
  return db.course.findFirst({
    where: { slug, ...visibleCourse },
    select: {
      ...courseCardSelect,
      includedInMembership: true,
      publishedAt: true,
      updatedAt: true,
      seller: { select: { id: true, name: true, sellerProfile: { select: { handle: true, avatarImageId: true } } } },
    },
  });
}

/** Cached per request: the page and its metadata read the same row once. */
export const getPublishedCourse = cache(findPublishedCourse);

/** Addresses of published courses for the sitemap, most recently changed first. */
export function listPublishedCourseSlugs(limit: number) {
  return db.course.findMany({
    where: visibleCourse,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { slug: true, updatedAt: true },
  });
}
