import "./support/test-database";
import { readdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { setCourseCover } from "@/lib/courses/course-covers";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { IMAGE_KINDS, imageStorageKey } from "@/lib/images/image-rules";
import { fileStorage } from "@/lib/storage";
import { ensureSellerProfile, findSellerPage, HANDLE_TAKEN, setSellerAvatar, updateSellerProfile } from "@/lib/sellers/seller-profiles";
import { makeCourse, makeUser } from "./support/factories";

const storage = fileStorage();

/** Every object under images/ in this worker's disk storage. */
function storedImageObjects(): string[] {
  const root = path.resolve(env().DATA_DIR, "files", "images");
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

async function readObject(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await storage.read(key)) as Readable) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A camera-like JPEG: stored sideways (EXIF orientation 6) with a camera name and GPS position. */
function cameraJpeg(width = 900, height = 1400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: "SecretCam", Copyright: "Jane Doe" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } } })
    .jpeg()
    .toBuffer();
}

/** A tiny, valid PNG whose header claims width × height: it would decode to that many pixels. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  // A few rows of zeros: deflate squeezes even gigapixels of them into very little.
  const rows = deflateSync(Buffer.alloc((width + 1) * 64));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", rows), chunk("IEND", Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

let seller: { id: string };
let otherSeller: { id: string };
let course: { id: string };

beforeAll(async () => {
  [seller, otherSeller] = await Promise.all([makeUser("seller"), makeUser("seller")]);
  course = await makeCourse(seller.id);
});

describe("course covers", () => {
  it("makes every size upright, with the metadata stripped, and points the course at them", async () => {
    const result = await setCourseCover(seller.id, course.id, await cameraJpeg(), storage);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await db.courseCover.findUnique({ where: { courseId: course.id } }))?.imageId).toBe(result.imageId);
    for (const variant of IMAGE_KINDS.cover.variants) {
      const bytes = await readObject(imageStorageKey(result.imageId, variant.name));
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height], variant.name).toEqual([variant.format, variant.width, variant.height]);
      expect(meta.exif, `${variant.name} keeps no EXIF`).toBeUndefined();
      expect(meta.orientation, variant.name).toBeUndefined();
      expect(bytes.includes("SecretCam"), variant.name).toBe(false);
    }
  });

  it("replacing the cover deletes the old sizes", async () => {
    const before = (await db.courseCover.findUniqueOrThrow({ where: { courseId: course.id } })).imageId;
    const png = await sharp({ create: { width: 1280, height: 720, channels: 4, background: "#ff8800" } }).png().toBuffer();
    const result = await setCourseCover(seller.id, course.id, png, storage);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.imageId).not.toBe(before);
    for (const variant of IMAGE_KINDS.cover.variants) {
      expect(await storage.stat(imageStorageKey(before, variant.name)), `old ${variant.name}`).toBeNull();
      expect(await storage.stat(imageStorageKey(result.imageId, variant.name)), `new ${variant.name}`).not.toBeNull();
    }
  });

  it.each([
    ["text named like a picture", () => Buffer.from("definitely not a picture\n".repeat(50)), /not a JPEG, PNG or WebP/],
    ["a decompression bomb (a tiny PNG that decodes to 3.6 gigapixels)", () => pngClaiming(60_000, 60_000), /too large \(60000 × 60000 pixels\)/],
    ["a picture 20,000 pixels wide", () => pngClaiming(20_000, 1_000), /too large/],
    ["a header within limits over truncated data", () => pngClaiming(2_000, 2_000).subarray(0, 60), /could not be read/],
    ["a picture too small for a cover", () => sharp({ create: { width: 300, height: 200, channels: 3, background: "#000" } }).png().toBuffer(), /too small/],
    ["a GIF", () => Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), /not a JPEG, PNG or WebP/],
  ])("refuses %s: a clear message, nothing stored", async (_label, make, message) => {
    const bytes = await make();
    expect(bytes.length).toBeLessThan(400_000);
    const objects = storedImageObjects();
    const cover = await db.courseCover.findUniqueOrThrow({ where: { courseId: course.id } });
    const result = await setCourseCover(seller.id, course.id, bytes, storage);
    expect(result).toMatchObject({ ok: false, status: 415 });
    if (!result.ok) expect(result.message).toMatch(message);
    expect(storedImageObjects()).toEqual(objects);
    expect(await db.courseCover.findUniqueOrThrow({ where: { courseId: course.id } })).toEqual(cover);
  });

  it("another seller's course is not found, and nothing is stored", async () => {
    const objects = storedImageObjects();
    const result = await setCourseCover(otherSeller.id, course.id, await cameraJpeg(), storage);
    expect(result).toMatchObject({ ok: false, status: 404 });
    expect(storedImageObjects()).toEqual(objects);
  });
});

describe("seller profiles and handles", () => {
  it("gives a seller a handle from their name, and another when that one is taken", async () => {
    const [first, second] = await Promise.all([makeUser("seller"), makeUser("seller")]);
    await db.user.updateMany({ where: { id: { in: [first.id, second.id] } }, data: { name: "Rosa Teacher" } });
    expect((await ensureSellerProfile(first.id)).handle).toBe("rosa-teacher");
    expect((await ensureSellerProfile(second.id)).handle).toMatch(/^rosa-teacher-[0-9a-f]{4}$/);
    expect((await ensureSellerProfile(first.id)).handle).toBe("rosa-teacher");
  });

  it("refuses odd characters and taken handles with a message, and changes nothing", async () => {
    const owner = await makeUser("seller");
    const taker = await makeUser("seller");
    await updateSellerProfile(owner.id, { handle: "taken-handle", bio: "" });
    await ensureSellerProfile(taker.id);
    const before = await db.sellerProfile.findUniqueOrThrow({ where: { userId: taker.id } });
    expect(await updateSellerProfile(taker.id, { handle: "Taken-Handle", bio: "New bio" })).toEqual({ ok: false, field: "handle", message: HANDLE_TAKEN });
    expect(await updateSellerProfile(taker.id, { handle: "no spaces!", bio: "New bio" })).toMatchObject({ ok: false, field: "handle", message: expect.stringMatching(/letters a–z/) });
    expect(await db.sellerProfile.findUniqueOrThrow({ where: { userId: taker.id } })).toEqual(before);
    expect(await updateSellerProfile(taker.id, { handle: "Free-Handle", bio: " **Hi** " })).toMatchObject({ ok: true, handle: "free-handle" });
    expect(await db.sellerProfile.findUniqueOrThrow({ where: { userId: taker.id } })).toMatchObject({ handle: "free-handle", bio: "**Hi**" });
  });

  it("the public page lists published courses and counts each student once; a disabled seller has none", async () => {
    const teacher = await makeUser("seller");
    await updateSellerProfile(teacher.id, { handle: `page-${teacher.id.slice(-6)}`, bio: "" });
    const [one, two, draft] = [await makeCourse(teacher.id), await makeCourse(teacher.id), await makeCourse(teacher.id, { published: false })];
    const [learner, another] = [await makeUser(), await makeUser()];
    for (const [userId, courseId] of [[learner.id, one.id], [learner.id, two.id], [another.id, one.id]]) {
      await db.enrolment.create({ data: { userId, courseId, source: "grant" } });
    }
    const page = await findSellerPage(`page-${teacher.id.slice(-6)}`);
    expect(page?.students).toBe(2);
    expect(page?.courses.map((c) => c.id).sort()).toEqual([one.id, two.id].sort());
    expect(page?.courses.map((c) => c.id)).not.toContain(draft.id);
    await db.user.update({ where: { id: teacher.id }, data: { disabled: true } });
    expect(await findSellerPage(`page-${teacher.id.slice(-6)}`)).toBeNull();
  });

  it("an avatar goes through the same pipeline and replaces the old one", async () => {
    const teacher = await makeUser("seller");
    const square = (colour: string) => sharp({ create: { width: 400, height: 300, channels: 3, background: colour } }).webp().toBuffer();
    const first = await setSellerAvatar(teacher.id, await square("#123456"), storage);
    const second = await setSellerAvatar(teacher.id, await square("#654321"), storage);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    const meta = await sharp(await readObject(imageStorageKey(second.imageId, "s256.webp"))).metadata();
    expect([meta.width, meta.height]).toEqual([256, 256]);
    expect(await storage.stat(imageStorageKey(first.imageId, "s256.webp"))).toBeNull();
    expect((await db.sellerProfile.findUniqueOrThrow({ where: { userId: teacher.id } })).avatarImageId).toBe(second.imageId);
  });
});
