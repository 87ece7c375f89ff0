import type { ByteRange } from "./storage";

export type RangeRequest =
  /** No Range header: send the whole file with 200. */
  | { kind: "whole" }
  | { kind: "partial"; range: ByteRange }
  /** Malformed, several ranges, or outside the file: 416 with `Content-Range: bytes *\/size`. */
  | { kind: "unsatisfiable" };

const SPEC = /^bytes=(\d*)-(\d*)$/;

/**
 * One byte range (RFC 9110 §14.1.2): `bytes=a-b`, `bytes=a-` or a suffix `bytes=-n`. Browsers ask
 * for one range when playing and seeking video; anything else is refused rather than guessed at.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (header === null) return { kind: "whole" };
  const match = SPEC.exec(header.trim());
  if (!match) return { kind: "unsatisfiable" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "unsatisfiable" };
  if (first.length > 15 || last.length > 15) return { kind: "unsatisfiable" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || (last !== "" && Number(last) < start)) return { kind: "unsatisfiable" };
  return { kind: "partial", range: { start, end } };
}
