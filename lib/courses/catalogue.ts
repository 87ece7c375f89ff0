import { cache } from "react";
import { db, dbProvider } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { boundInMinor, currenciesByExponent, type CatalogueFilters, type CatalogueSort } from "./catalogue-params";
import { searchClauses, searchWords } from "./course-search";

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
  includedInMembership: true,
  ratingCount: true,
  ratingAverage: true,
  cover: { select: { imageId: true } },
  seller: { select: { name: true, sellerProfile: { select: { handle: true } } } },
} as const;

export type CatalogueCourse = Prisma.CourseGetPayload<{ select: typeof courseCardSelect }>;

// Each order is read from an index on (published, <key>, id) with id breaking ties, so a page
// is found without sorting the catalogue.
const ORDERS: Record<Exclude<CatalogueSort, "relevance">, Prisma.Sql> = {
  newest: Prisma.sql`c."publishedAt" DESC, c."id" DESC`,
  "price-asc": Prisma.sql`c."priceMinor" ASC, c."id" ASC`,
  "price-desc": Prisma.sql`c."priceMinor" DESC, c."id" DESC`,
  rating: Prisma.sql`c."ratingAverage" DESC, c."id" DESC`,
  students: Prisma.sql`c."studentCount" DESC, c."id" DESC`,
};

function filterConditions(filters: CatalogueFilters): Prisma.Sql[] {
  const conditions = [Prisma.sql`c."published" = TRUE`, Prisma.sql`u."disabled" = FALSE`];
  if (filters.price === "free") conditions.push(Prisma.sql`c."priceMinor" = 0`);
  if (filters.price === "paid") conditions.push(Prisma.sql`c."priceMinor" > 0`);
  if (filters.membership) conditions.push(Prisma.sql`c."includedInMembership" = TRUE`);
  if (filters.currency) conditions.push(Prisma.sql`c."currency" = ${filters.currency}`);
  if (filters.rating) conditions.push(Prisma.sql`c."ratingCount" > 0 AND c."ratingAverage" >= ${filters.rating * 100}`);
  if (filters.seller) conditions.push(Prisma.sql`c."sellerId" = ${filters.seller}`);
  if (filters.min || filters.max) {
    // A bound is in each course's own major unit: 10 means $10.00 for a USD course and ¥10 for a JPY one.
    const perCurrency = currenciesByExponent(filters.currency).map(({ currencies, sample }) => {
      const parts = [Prisma.sql`c."currency" IN (${Prisma.join(currencies)})`];
      if (filters.min) parts.push(Prisma.sql`c."priceMinor" >= ${boundInMinor(filters.min, sample)}`);
      if (filters.max) parts.push(Prisma.sql`c."priceMinor" <= ${boundInMinor(filters.max, sample)}`);
      return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
    });
    conditions.push(Prisma.sql`(${Prisma.join(perCurrency, " OR ")})`);
  }
  return conditions;
}

/** The ids of one page and the number of matches, in one database round trip each. */
export function catalogueQueries(filters: CatalogueFilters) {
  const words = searchWords(filters.q);
  const search = words.length > 0 ? searchClauses(dbProvider, words) : null;
  const conditions = filterConditions(filters);
  let from = Prisma.sql`"Course" c`;
  if (search) {
    from = search.from;
    conditions.unshift(search.match);
    if (filters.tag) conditions.push(Prisma.sql`c."id" IN (SELECT t."courseId" FROM "CourseTag" t WHERE t."tag" = ${filters.tag})`);
  } else if (filters.tag) {
    // The tag's courses are read from the (tag, courseId) index first (CROSS JOIN fixes SQLite's
    // join order), not found by walking every published course.
    from = Prisma.sql`"CourseTag" t CROSS JOIN "Course" c`;
    conditions.unshift(Prisma.sql`t."tag" = ${filters.tag} AND c."id" = t."courseId"`);
  }
  const where = Prisma.join(conditions, " AND ");
  const order = search && filters.sort === "relevance" ? Prisma.sql`${search.relevance}, c."id" DESC` : ORDERS[filters.sort === "relevance" ? "newest" : filters.sort];
  const body = Prisma.sql`FROM ${from} JOIN "User" u ON u."id" = c."sellerId" WHERE ${where}`;
  return {
    words,
    page: Prisma.sql`SELECT c."id" AS "id" ${body} ORDER BY ${order} LIMIT ${CATALOGUE_PAGE_SIZE} OFFSET ${(filters.page - 1) * CATALOGUE_PAGE_SIZE}`,
    count: Prisma.sql`SELECT COUNT(*) AS "total" ${body}`,
  };
}

/** One page of published courses for the search, filters and sort, with only the columns the cards show. */
export async function listPublishedCourses(query: Partial<CatalogueFilters> = {}) {
  const q = query.q ?? "";
  const filters: CatalogueFilters = { ...query, q, sort: query.sort ?? (q ? "relevance" : "newest"), page: query.page ?? 1 };
  const queries = catalogueQueries(filters);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<Array<{ id: string }>>(queries.page),
    db.$queryRaw<Array<{ total: number | bigint }>>(queries.count),
  ]);
  const found = await db.course.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: courseCardSelect });
  const byId = new Map(found.map((course) => [course.id, course]));
  const courses = rows.flatMap((row) => byId.get(row.id) ?? []);
  const total = Number(counted[0]?.total ?? 0);
  return {
    courses,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    /** False when the search had no letters or digits to look for (only punctuation). */
    searched: queries.words.length > 0,
  };
}

/** Sellers with a published course, for the catalogue's seller filter. */
export async function listCatalogueSellers() {
  return db.user.findMany({
    where: { disabled: false, courses: { some: { published: true } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, name: true },
  });
}

/** A published course of an active seller by its address, with what its page shows; null otherwise. */
export async function findPublishedCourse(slug: string) {
  return db.course.findFirst({
    where: { slug, ...visibleCourse },
    select: {
      ...courseCardSelect,
      includedInMembership: true,
      ratingCount: true,
      ratingAverage: true,
      publishedAt: true,
      updatedAt: true,
      seller: { select: { id: true, name: true, sellerProfile: { select: { handle: true, avatarImageId: true } } } },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
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
