import { env } from "@/lib/env";

/**
 * Where the browser fetches lesson media from besides this site: the S3 endpoint that signed URLs
 * point at (for the Content-Security-Policy's media-src and img-src); nothing with disk storage.
 */
export function storageOrigins(): string[] {
  const config = env();
  if (config.STORAGE_BACKEND !== "s3" || !config.S3_BUCKET) return [];
  const endpoint = new URL(config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`);
  if (!config.S3_FORCE_PATH_STYLE) endpoint.hostname = `${config.S3_BUCKET}.${endpoint.hostname}`;
  return [endpoint.origin];
}
