import { fileTypeFromBuffer } from "file-type";

export type UploadPurpose = "video" | "file";

/** What may be uploaded, by the type found in the file's own bytes. */
const ACCEPTED: Record<UploadPurpose, Record<string, string>> = {
  video: { "video/mp4": "mp4", "video/webm": "webm" },
  file: {
    "application/pdf": "pdf",
    "application/zip": "zip",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/epub+zip": "epub",
  },
};

/** Browsers call an MP4 with only audio or an M4V by other names; they play as video/mp4. */
const SAME_AS: Record<string, string> = { "video/x-m4v": "video/mp4", "audio/mp4": "video/mp4", "video/quicktime": "video/mp4" };

export const ACCEPTED_DESCRIPTION: Record<UploadPurpose, string> = {
  video: "an MP4 or WebM video",
  file: "a PDF, ZIP, PowerPoint, Word, Excel, OpenDocument presentation or EPUB file",
};

export type SniffResult = { ok: true; contentType: string; extension: string } | { ok: false; message: string };

/** The first bytes of an upload decide its type; the name and the browser's claim are not trusted. */
export async function sniffUpload(purpose: UploadPurpose, head: Uint8Array): Promise<SniffResult> {
  const found = await fileTypeFromBuffer(head);
  const mime = found ? (SAME_AS[found.mime] ?? found.mime) : undefined;
  const extension = mime ? ACCEPTED[purpose][mime] : undefined;
  if (!mime || !extension) {
    return { ok: false, message: `This file is not ${ACCEPTED_DESCRIPTION[purpose]} (its contents were checked, not only its name).` };
  }
  return { ok: true, contentType: mime, extension };
}

/** The movie header's duration in seconds, when an MP4's index is at the front (as fast-start files have it). */
export function mp4DurationSeconds(head: Uint8Array): number | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  const at = bytes.indexOf("mvhd", 0, "latin1");
  if (at < 4) return null;
  const version = bytes[at + 4];
  let timescale: number;
  let duration: number;
  if (version === 0 && bytes.length >= at + 24) {
    timescale = bytes.readUInt32BE(at + 16);
    duration = bytes.readUInt32BE(at + 20);
  } else if (version === 1 && bytes.length >= at + 36) {
    timescale = bytes.readUInt32BE(at + 24);
    duration = Number(bytes.readBigUInt64BE(at + 28));
  } else {
    return null;
  }
  if (timescale === 0) return null;
  const seconds = Math.round(duration / timescale);
  return Number.isFinite(seconds) && seconds >= 0 && seconds < 7 * 86_400 ? seconds : null;
}
