import { cache } from "react";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { findPublishedCourse, listPublishedCourses } from "@/lib/courses/catalogue";

// The catalogue is read far more often than it changes, and pages stay dynamically rendered (the
// header reads the session), so its data is cached in memory (next.config.mjs keeps it off disk,
// where it would outlive the database it came from) until a change that can alter what visitors
// see expires the tag: a course created, edited, published or unpublished, a seller disabled,
// disconnected or revoked.
const CATALOGUE_TAG = "catalogue";

export const cachedCataloguePage = unstable_cache(listPublishedCourses, ["catalogue-page"], { tags: [CATALOGUE_TAG] });

/** Also deduplicated per request, so a course page and its metadata share one read. */
export const cachedPublishedCourse = cache(unstable_cache(findPublishedCourse, ["published-course"], { tags: [CATALOGUE_TAG] }));

/** From a server action: the acting user's next page already shows the change. */
export function expireCatalogue(): void {
  updateTag(CATALOGUE_TAG);
}

/** From a route handler (webhooks), where updateTag is not allowed: expire at once as well. */
export function expireCatalogueFromRoute(): void {
  revalidateTag(CATALOGUE_TAG, { expire: 0 });
}
