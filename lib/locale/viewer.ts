import { cookies, headers } from "next/headers";
import { cache } from "react";
import { pickLocale, pickTimeZone, viewerFormat, type ViewerFormat } from "./format";

/** Set by the browser (components/time-zone-cookie.tsx) so the server can write dates in the viewer's zone. */
export const TIME_ZONE_COOKIE = "tz";

/** Formats for the person viewing this request: their language, and their zone once the browser has named it. */
export const getViewerFormat = cache(async (): Promise<ViewerFormat> => {
  const [headerList, cookieJar] = await Promise.all([headers(), cookies()]);
  return viewerFormat(pickLocale(headerList.get("accept-language")), pickTimeZone(cookieJar.get(TIME_ZONE_COOKIE)?.value));
});
