import type { Readable } from "node:stream";

export interface StoredObject {
  size: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in Content-Range. */
  end: number;
}

/**
 * Where lesson videos and files live. Keys are made by the app (random, never from a user's file
 * name); both backends take and give streams, so no file is ever held whole in memory.
 */
export interface ObjectStorage {
  readonly kind: "disk" | "s3";
  /** Stores the stream under the key; the object appears only once the whole stream was written. */
  put(key: string, body: Readable, contentType: string): Promise<StoredObject>;
  /** The object's size, or null when there is none. */
  stat(key: string): Promise<StoredObject | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** A short-lived URL the browser can fetch directly; null when the backend serves through the app. */
  signedUrl(key: string, options: { filename: string; contentType: string; disposition: "inline" | "attachment" }): Promise<string | null>;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/** Keys are ours, but check anyway: no "..", no absolute paths, nothing a disk path could escape with. */
export function assertSafeKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes("//")) throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
}
