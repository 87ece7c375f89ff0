import { revalidateTag, updateTag } from "next/cache";

export const CATALOGUE_TAG = "catalogue";

/**
 * From a server action that changed what visitors may see (a course created, edited, published or
 * unpublished; a seller disabled or disconnected): the cached catalogue is dropped at once, so
 * the acting user's next page already shows the change.
 */
export function expireCatalogue(): void {
  updateTag(CATALOGUE_TAG);
}

/** The same from a route handler (a cover or a seller's picture uploaded), where updateTag is not allowed. */
export function expireCatalogueFromRoute(): void {
  revalidateTag(CATALOGUE_TAG, { expire: 0 });
}
