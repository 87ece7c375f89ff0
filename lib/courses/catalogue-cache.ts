import { cache } from "react";
import { unstable_cache } from "next/cache";
import { findPublishedCourse, listCatalogueSellers, listPublishedCourses } from "./catalogue";
import { CATALOGUE_TAG } from "./expire-catalogue";

// The catalogue is read far more often than it changes, and its pages stay dynamically rendered
// (the header reads the session), so its data is cached in memory (next.config.mjs keeps it off
// disk, where it would outlive the database it came from). Server actions that change it expire
// the tag at once; changes made elsewhere (a seller's account revoked at Stripe and reported by
// webhook, a seed script) show within a minute. Buying never trusts this cache: the purchase
// re-reads the course and the seller's account.
const CATALOGUE_CACHE = { tags: [CATALOGUE_TAG], revalidate: 60 };

export const cachedCataloguePage = unstable_cache(listPublishedCourses, ["catalogue-page"], CATALOGUE_CACHE);

export const cachedCatalogueSellers = unstable_cache(listCatalogueSellers, ["catalogue-sellers"], CATALOGUE_CACHE);

/** Also deduplicated per request, so a course page and its metadata share one read. */
export const cachedPublishedCourse = cache(unstable_cache(findPublishedCourse, ["published-course"], CATALOGUE_CACHE));
