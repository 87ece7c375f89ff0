import { describe, expect, it } from "vitest";
import { mp4DurationSeconds, sniffUpload } from "@/lib/lessons/file-kinds";
import { percentComplete } from "@/lib/lessons/progress";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : Buffer.from(part))));

/** The smallest MP4 start file-type recognises: an ftyp box of brand isom. */
const mp4Head = bytes([0, 0, 0, 0x18], "ftypisom", [0, 0, 2, 0], "isomiso2", Buffer.alloc(64).toString("latin1"));
const webmHead = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08, 0x42, 0x82, 0x84], "webm", [0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]);
const pdfHead = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n");

describe("sniffUpload decides by the bytes, not the name", () => {
  const cases: Array<[string, "video" | "file", Buffer, string | null]> = [
    ["a real MP4 as video", "video", mp4Head, "video/mp4"],
    ["a real WebM as video", "video", webmHead, "video/webm"],
    ["a real PDF as file", "file", pdfHead, "application/pdf"],
    ["HTML named .mp4", "video", bytes("<!doctype html><script>alert(1)</script>"), null],
    ["an SVG with script", "file", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), null],
    ["an SVG with script as video", "video", bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'), null],
    ["a PDF as video", "video", pdfHead, null],
    ["an MP4 as a download", "file", mp4Head, null],
    ["plain text", "file", bytes("just some words"), null],
    ["a PNG", "file", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR", Buffer.alloc(20).toString("latin1")), null],
  ];
  it.each(cases)("%s", async (_label, purpose, head, expected) => {
    const result = await sniffUpload(purpose, head);
    if (expected) expect(result).toMatchObject({ ok: true, contentType: expected });
    else expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/contents were checked/) });
  });
});

describe("mp4DurationSeconds", () => {
  const mvhd = (version: 0 | 1, timescale: number, duration: number) => {
    const box = Buffer.alloc(version === 0 ? 32 : 44);
    box.write("mvhd", 4, "latin1");
    box[8] = version;
    if (version === 0) {
      box.writeUInt32BE(timescale, 20);
      box.writeUInt32BE(duration, 24);
    } else {
      box.writeUInt32BE(timescale, 28);
      box.writeBigUInt64BE(BigInt(duration), 32);
    }
    return Buffer.concat([mp4Head, box]);
  };
  it.each([
    [mvhd(0, 1000, 12_400), 12],
    [mvhd(0, 600, 90_000), 150],
    [mvhd(1, 1000, 3_600_000), 3600],
    [mvhd(0, 0, 100), null],
    [mp4Head, null],
  ])("%#", (head, seconds) => {
    expect(mp4DurationSeconds(head)).toBe(seconds);
  });
});

describe("percentComplete", () => {
  it.each([
    [0, 0, 0],
    [0, 5, 0],
    [1, 3, 33],
    [2, 3, 66],
    [3, 3, 100],
    [5, 3, 100],
    [199, 200, 99],
  ])("%i of %i → %i %%", (done, total, percent) => {
    expect(percentComplete(done, total)).toBe(percent);
  });
});
