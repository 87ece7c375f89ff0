"use client";

import { useEffect } from "react";

/**
 * Tells the server the browser's time zone (a cookie, read by lib/locale/viewer.ts), so dates
 * after the first page view are written in the viewer's own zone instead of UTC.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || document.cookie.split("; ").includes(`tz=${encodeURIComponent(zone)}`)) return;
    document.cookie = `tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
  }, []);
  return null;
}
