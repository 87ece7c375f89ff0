import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiskStorage } from "@/lib/storage/disk-storage";
import { S3Storage } from "@/lib/storage/s3-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

// The same contract against both backends; S3 is a real S3-compatible server (s3rver) on a free port.
const BUCKET = "contract-bucket";
const folder = mkdtempSync(path.join(tmpdir(), "storage-contract-"));
let s3server: S3rver;
const backends: Record<"disk" | "s3", ObjectStorage | undefined> = { disk: undefined, s3: undefined };

beforeAll(async () => {
  backends.disk = new DiskStorage(path.join(folder, "disk"));
  s3server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(folder, "s3"), configureBuckets: [{ name: BUCKET }] });
  const { port } = await s3server.run();
  backends.s3 = new S3Storage({
    bucket: BUCKET,
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    signedUrlSeconds: 60,
  });
});

afterAll(async () => {
  await s3server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A stream that yields chunks slowly, like an upload arriving over the network. */
function chunked(parts: string[]): Readable {
  return Readable.from((async function* () {
    for (const part of parts) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield Buffer.from(part);
    }
  })());
}

function failingAfter(parts: string[]): Readable {
  return Readable.from((async function* () {
    for (const part of parts) yield Buffer.from(part);
    throw new Error("the browser went away");
  })());
}

describe.each(["disk", "s3"] as const)("%s storage", (kind) => {
  const storage = () => backends[kind]!;

  it("stores a stream and reads it back whole and by range", async () => {
    const key = `contract/${kind}-whole`;
    const stored = await storage().put(key, chunked(["hello ", "range ", "world"]), "text/plain");
    expect(stored.size).toBe(17);
    expect(await storage().stat(key)).toEqual({ size: 17 });
    expect(await text(await storage().read(key))).toBe("hello range world");
    expect(await text(await storage().read(key, { start: 6, end: 10 }))).toBe("range");
    expect(await text(await storage().read(key, { start: 16, end: 16 }))).toBe("d");
  });

  it("stores a file larger than one S3 part without holding it whole", async () => {
    const key = `contract/${kind}-large`;
    const chunk = "x".repeat(1024 * 1024);
    const stored = await storage().put(key, Readable.from((function* () { for (let i = 0; i < 9; i++) yield Buffer.from(chunk); })()), "application/octet-stream");
    expect(stored.size).toBe(9 * 1024 * 1024);
    expect(await text(await storage().read(key, { start: 9 * 1024 * 1024 - 3, end: 9 * 1024 * 1024 - 1 }))).toBe("xxx");
  });

  it("keeps nothing when the stream fails half way", async () => {
    const key = `contract/${kind}-failed`;
    await expect(storage().put(key, failingAfter(["part one, ", "part two"]), "text/plain")).rejects.toThrow();
    expect(await storage().stat(key)).toBeNull();
  });

  it("deletes, and deleting again or a missing key is not an error", async () => {
    const key = `contract/${kind}-deleted`;
    await storage().put(key, chunked(["gone soon"]), "text/plain");
    await storage().delete(key);
    expect(await storage().stat(key)).toBeNull();
    await expect(storage().delete(key)).resolves.toBeUndefined();
  });

  it("refuses keys that could escape the store", async () => {
    for (const key of ["../outside", "/etc/passwd", "a/../../b", "UPPER", "a//b", ""]) {
      await expect(storage().put(key, chunked(["x"]), "text/plain")).rejects.toThrow(/Unsafe storage key/);
    }
  });

  it(kind === "s3" ? "signs a short-lived URL that serves the object" : "serves through the app (no signed URL)", async () => {
    const key = `contract/${kind}-signed`;
    await storage().put(key, chunked(["signed body"]), "text/plain");
    const url = await storage().signedUrl(key, { filename: "notes.txt", contentType: "text/plain", disposition: "attachment" });
    if (kind === "disk") return expect(url).toBeNull();
    expect(url).toMatch(/X-Amz-Expires=60/);
    const answer = await fetch(url!);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("signed body");
    expect(answer.headers.get("content-disposition")).toContain('filename="notes.txt"');
    const ranged = await fetch(url!, { headers: { range: "bytes=0-5" } });
    expect(ranged.status).toBe(206);
    expect(await ranged.text()).toBe("signed");
  });
});
