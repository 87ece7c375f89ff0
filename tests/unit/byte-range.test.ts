import { describe, expect, it } from "vitest";
import { parseRange, type RangeRequest } from "@/lib/storage/byte-range";
import { contentDisposition, safeFilename } from "@/lib/storage/content-disposition";

describe("parseRange for a 1000-byte file", () => {
  const cases: Array<[string | null, RangeRequest]> = [
    [null, { kind: "whole" }],
    ["bytes=0-99", { kind: "partial", range: { start: 0, end: 99 } }],
    ["bytes=0-0", { kind: "partial", range: { start: 0, end: 0 } }],
    ["bytes=500-", { kind: "partial", range: { start: 500, end: 999 } }],
    ["bytes=900-5000", { kind: "partial", range: { start: 900, end: 999 } }],
    ["bytes=-100", { kind: "partial", range: { start: 900, end: 999 } }],
    ["bytes=-5000", { kind: "partial", range: { start: 0, end: 999 } }],
    [" bytes=10-20 ", { kind: "partial", range: { start: 10, end: 20 } }],
    ["bytes=999-999", { kind: "partial", range: { start: 999, end: 999 } }],
    ["bytes=1000-", { kind: "unsatisfiable" }],
    ["bytes=1000-1001", { kind: "unsatisfiable" }],
    ["bytes=20-10", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
    ["bytes=-", { kind: "unsatisfiable" }],
    ["bytes=abc-def", { kind: "unsatisfiable" }],
    ["bytes=0-1,5-6", { kind: "unsatisfiable" }],
    ["items=0-1", { kind: "unsatisfiable" }],
    ["bytes=-1-2", { kind: "unsatisfiable" }],
    ["bytes=1.5-2", { kind: "unsatisfiable" }],
    ["", { kind: "unsatisfiable" }],
    ["bytes=99999999999999999999-", { kind: "unsatisfiable" }],
  ];
  it.each(cases)("%j", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it("refuses any range of an empty file", () => {
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-1", 0)).toEqual({ kind: "unsatisfiable" });
  });
});

describe("download names", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\boot.ini", "boot.ini"],
    ["slides.pdf", "slides.pdf"],
    ['a"b\r\nSet-Cookie: x.pdf', "abSet-Cookie x.pdf"],
    ["...", "download"],
    ["", "download"],
    ["Übung 1.pdf", "Übung 1.pdf"],
  ])("%j → %j", (name, safe) => {
    expect(safeFilename(name)).toBe(safe);
  });

  it("gives an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("attachment", "Übung 1.pdf")).toBe(`attachment; filename="_bung 1.pdf"; filename*=UTF-8''%C3%9Cbung%201.pdf`);
  });
});
