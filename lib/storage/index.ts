import path from "node:path";
import { env } from "@/lib/env";
import { DiskStorage } from "./disk-storage";
import { S3Storage } from "./s3-storage";
import type { ObjectStorage } from "./storage";

let storage: ObjectStorage | undefined;

/** The configured backend (STORAGE_BACKEND): disk under DATA_DIR/files by default, or S3. */
export function fileStorage(): ObjectStorage {
  storage ??= storageFromEnv();
  return storage;
}

function storageFromEnv(): ObjectStorage {
  const config = env();
  if (config.STORAGE_BACKEND === "s3") {
    return new S3Storage({
      bucket: config.S3_BUCKET!,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
      signedUrlSeconds: config.S3_SIGNED_URL_SECONDS,
    });
  }
  return new DiskStorage(path.resolve(config.DATA_DIR, "files"));
}

