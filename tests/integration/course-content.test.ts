import "./support/test-database";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { contentAccess, fileForViewer, type Viewer } from "@/lib/lessons/content-access";
import { courseCurriculum } from "@/lib/lessons/curriculum";
import { addLesson, addSection, deleteLesson, moveLesson, moveSection, removeLessonFile, saveLesson } from "@/lib/lessons/edit-curriculum";
import { uploadLessonFile, type UploadRequest } from "@/lib/lessons/lesson-files";
import { libraryProgress, markLesson } from "@/lib/lessons/progress";
import { fileStorage } from "@/lib/storage";
import { seedDemoData } from "@/prisma/seed";
import { DEMO_COURSES } from "@/prisma/seed-data";
import { makeCourse, makeUser } from "./support/factories";

const VIDEO = readFileSync("prisma/demo-media/welcome.mp4");
const PDF = readFileSync("prisma/demo-media/cheat-sheet.pdf");
const LIMITS = { videoBytes: 1024 * 1024, fileBytes: 64 * 1024 };

type User = Viewer;
const makeViewer = async (role: Viewer["role"]): Promise<Viewer> => ({ id: (await makeUser(role)).id, role });
let seller: User, otherSeller: User, admin: User, buyer: User, member: User, frozen: User, stranger: User;
let course: Awaited<ReturnType<typeof makeCourse>>;

function upload(editor: User, lessonId: string, purpose: "video" | "file", bytes: Buffer, overrides: Partial<UploadRequest> = {}) {
  return uploadLessonFile(
    editor,
    { purpose, lessonId, filename: purpose === "video" ? "clip.mp4" : "notes.pdf", declaredBytes: null, clientDurationSeconds: null, body: Readable.from([bytes]), ...overrides },
    fileStorage(),
    LIMITS,
  );
}

async function lessonsOf(courseId: string) {
  return db.lesson.findMany({ where: { courseId }, orderBy: [{ section: { position: "asc" } }, { position: "asc" }], select: { id: true, title: true, sectionId: true } });
}

beforeAll(async () => {
  [seller, otherSeller, admin, buyer, member, frozen, stranger] = await Promise.all([
    makeViewer("seller"), makeViewer("seller"), makeViewer("admin"), makeViewer("buyer"), makeViewer("buyer"), makeViewer("buyer"), makeViewer("buyer"),
  ]);
  course = await makeCourse(seller.id);
  await db.course.update({ where: { id: course.id }, data: { includedInMembership: true } });
  await db.enrolment.create({ data: { userId: buyer.id, courseId: course.id, source: "grant" } });
  await db.enrolment.create({ data: { userId: frozen.id, courseId: course.id, source: "grant", frozenAt: new Date() } });
  await db.membership.create({ data: { userId: member.id, status: "active" } });
});

describe("editing a curriculum", () => {
  it("is authorized through the query: another seller's IDs are simply not found, an admin may edit", async () => {
    expect(await addSection(otherSeller, course.id, "Mine now")).toEqual({ ok: false, notFound: true });
    expect(await addSection(seller, course.id, "First")).toMatchObject({ ok: true });
    expect(await addSection(admin, course.id, "Second")).toMatchObject({ ok: true });
    const [first, second] = await db.courseSection.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" } });
    expect(await addLesson(otherSeller, first.id, "Sneaky")).toEqual({ ok: false, notFound: true });
    for (const title of ["A", "B"]) await addLesson(seller, first.id, title);
    await addLesson(seller, second.id, "C");
    const lessons = await lessonsOf(course.id);
    expect(lessons.map((l) => l.title)).toEqual(["A", "B", "C"]);
    expect(await moveLesson(otherSeller, lessons[0].id, "down")).toEqual({ ok: false, notFound: true });
    expect(await saveLesson(otherSeller, lessons[0].id, { title: "x", body: "", preview: true })).toEqual({ ok: false, notFound: true });
    expect(await deleteLesson(otherSeller, lessons[0].id)).toEqual({ ok: false, notFound: true });
    expect((await lessonsOf(course.id)).map((l) => l.title)).toEqual(["A", "B", "C"]);
  });

  it("moves lessons within a section and across section edges, and sections among themselves", async () => {
    const [a, b, c] = await lessonsOf(course.id);
    await moveLesson(seller, a.id, "down");
    expect((await lessonsOf(course.id)).map((l) => l.title)).toEqual(["B", "A", "C"]);
    await moveLesson(seller, a.id, "down");
    const moved = await lessonsOf(course.id);
    expect(moved.map((l) => l.title)).toEqual(["B", "A", "C"]);
    expect(moved[1].sectionId).toBe(c.sectionId);
    await moveLesson(seller, a.id, "up");
    await moveLesson(seller, b.id, "down");
    expect((await lessonsOf(course.id)).map((l) => l.title)).toEqual(["A", "B", "C"]);
    const sections = await db.courseSection.findMany({ where: { courseId: course.id }, orderBy: { position: "asc" } });
    await moveSection(seller, sections[1].id, "up");
    expect((await lessonsOf(course.id)).map((l) => l.title)).toEqual(["C", "A", "B"]);
    await moveSection(seller, sections[1].id, "down");
    await moveSection(seller, sections[0].id, "up");
    expect((await lessonsOf(course.id)).map((l) => l.title)).toEqual(["A", "B", "C"]);
  });
});

describe("access to lessons and files", () => {
  let lessons: { id: string }[];
  let videoId: string;
  let pdfId: string;

  beforeAll(async () => {
    lessons = await lessonsOf(course.id);
    // A: published preview with a video; B: published with a PDF; C: a draft.
    await db.lesson.update({ where: { id: lessons[0].id }, data: { published: true, preview: true } });
    await db.lesson.update({ where: { id: lessons[1].id }, data: { published: true } });
    const video = await upload(seller, lessons[0].id, "video", VIDEO);
    const pdf = await upload(seller, lessons[1].id, "file", PDF);
    if (!video.ok || !pdf.ok) throw new Error("fixture uploads failed");
    videoId = video.fileId;
    pdfId = pdf.fileId;
  });

  it("follows the course rule for every kind of viewer", async () => {
    // [who, preview video, paid PDF, draft lesson listed]
    const table: Array<[string, User | null, boolean, boolean, boolean]> = [
      ["visitor", null, true, false, false],
      ["stranger", stranger, true, false, false],
      ["buyer", buyer, true, true, false],
      ["member (included course)", member, true, true, false],
      ["buyer on hold", frozen, true, false, false],
      ["the seller", seller, true, true, true],
      ["another seller", otherSeller, true, false, false],
      ["an admin", admin, true, true, true],
    ];
    for (const [label, who, preview, paid, draft] of table) {
      expect(!!(await fileForViewer(who, lessons[0].id, videoId)), `${label}: preview video`).toBe(preview);
      expect(!!(await fileForViewer(who, lessons[1].id, pdfId)), `${label}: paid PDF`).toBe(paid);
      const role = (await contentAccess(who, course)).role;
      const listed = (await courseCurriculum(course.id, role)).flatMap((s) => s.lessons).map((l) => l.id);
      expect(listed.includes(lessons[2].id), `${label}: draft listed`).toBe(draft);
    }
  });

  it("never serves a file through a lesson it does not belong to", async () => {
    expect(await fileForViewer(buyer, lessons[0].id, pdfId)).toBeNull();
    expect(await fileForViewer(buyer, lessons[2].id, pdfId)).toBeNull();
  });

  it("refuses a refunded buyer once the enrolment is gone", async () => {
    const refunded = await makeViewer("buyer");
    const enrolment = await db.enrolment.create({ data: { userId: refunded.id, courseId: course.id, source: "grant" } });
    expect(await fileForViewer(refunded, lessons[1].id, pdfId)).not.toBeNull();
    await db.enrolment.delete({ where: { id: enrolment.id } });
    expect(await fileForViewer(refunded, lessons[1].id, pdfId)).toBeNull();
    expect(await markLesson(refunded, lessons[1].id, true)).toBeNull();
  });

  it("reads the video length from the MP4 itself", async () => {
    expect(await db.storedFile.findUnique({ where: { id: videoId }, select: { durationSeconds: true, contentType: true } })).toEqual({ durationSeconds: 12, contentType: "video/mp4" });
  });
});

describe("uploads", () => {
  let lessonId: string;
  beforeAll(async () => {
    lessonId = (await lessonsOf(course.id))[2].id;
  });

  const objectCount = () => db.storedFile.count();

  it.each([
    ["an .mp4 that is really HTML", "video", Buffer.from("<!doctype html><script>alert(1)</script>".repeat(10)), 415],
    ["an SVG with script as a file", "file", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415],
    ["an empty file", "file", Buffer.alloc(0), 400],
    ["a PDF over the file limit", "file", Buffer.concat([PDF, Buffer.alloc(LIMITS.fileBytes)]), 413],
  ] as const)("refuses %s and keeps nothing", async (_label, purpose, bytes, status) => {
    const before = await objectCount();
    expect(await upload(seller, lessonId, purpose, bytes)).toMatchObject({ ok: false, status });
    expect(await objectCount()).toBe(before);
  });

  it("refuses from Content-Length before reading, and another seller's lesson", async () => {
    expect(await upload(seller, lessonId, "video", VIDEO, { declaredBytes: LIMITS.videoBytes + 1 })).toMatchObject({ ok: false, status: 413 });
    expect(await upload(otherSeller, lessonId, "video", VIDEO)).toMatchObject({ ok: false, status: 404 });
  });

  it("keeps nothing when the browser goes away mid-upload", async () => {
    const before = await objectCount();
    const broken = Readable.from((async function* () {
      yield PDF;
      throw new Error("aborted");
    })());
    await expect(upload(seller, lessonId, "file", PDF, { body: broken })).rejects.toThrow();
    expect(await objectCount()).toBe(before);
  });

  it("cleans the name, takes the extension from the bytes, replaces a video and deletes what nothing references", async () => {
    const first = await upload(seller, lessonId, "video", VIDEO, { filename: "../../etc/passwd" });
    expect(first).toMatchObject({ ok: true, filename: "passwd.mp4" });
    if (!first.ok) return;
    const firstKey = (await db.storedFile.findUniqueOrThrow({ where: { id: first.fileId } })).storageKey;
    const second = await upload(seller, lessonId, "video", VIDEO);
    if (!second.ok) throw new Error("replace failed");
    expect(await db.storedFile.findUnique({ where: { id: first.fileId } })).toBeNull();
    expect(await fileStorage().stat(firstKey)).toBeNull();
    const secondKey = (await db.storedFile.findUniqueOrThrow({ where: { id: second.fileId } })).storageKey;
    expect(await removeLessonFile(otherSeller, lessonId, second.fileId)).toEqual({ ok: false, notFound: true });
    expect(await removeLessonFile(seller, lessonId, second.fileId)).toMatchObject({ ok: true });
    expect(await fileStorage().stat(secondKey)).toBeNull();
  });

  it("keeps a shared object until its last reference goes", async () => {
    await seedDemoData();
    const demo = await db.storedFile.findUniqueOrThrow({ where: { storageKey: "demo/welcome-video" }, select: { id: true } });
    const users = await db.lesson.findMany({ where: { videoFileId: demo.id }, select: { id: true, course: { select: { sellerId: true } } } });
    expect(users.length).toBe(DEMO_COURSES.length);
    const demoSeller: Viewer = { id: (await db.user.findUniqueOrThrow({ where: { email: "seller@example.com" } })).id, role: "seller" };
    await removeLessonFile(demoSeller, users[0].id, demo.id);
    expect(await fileStorage().stat("demo/welcome-video")).not.toBeNull();
  });
});

describe("progress", () => {
  it("counts published lessons only, and deleting a lesson takes its progress rows with it", async () => {
    const lessons = await lessonsOf(course.id);
    expect(await markLesson(stranger, lessons[0].id, true)).toBeNull();
    expect(await markLesson(buyer, lessons[2].id, true)).toBeNull(); // a draft
    await markLesson(buyer, lessons[0].id, true);
    expect((await libraryProgress(buyer.id, [course.id])).get(course.id)).toBe(50);
    await markLesson(buyer, lessons[1].id, true);
    expect((await libraryProgress(buyer.id, [course.id])).get(course.id)).toBe(100);
    await deleteLesson(seller, lessons[1].id);
    expect(await db.lessonProgress.count({ where: { lessonId: lessons[1].id } })).toBe(0);
    expect((await libraryProgress(buyer.id, [course.id])).get(course.id)).toBe(100);
    await db.lesson.update({ where: { id: lessons[2].id }, data: { published: true } });
    expect((await libraryProgress(buyer.id, [course.id])).get(course.id)).toBe(50);
  });
});

describe("the demo seed", () => {
  it("gives every demo course sections, a preview lesson, a video and a PDF", async () => {
    await seedDemoData();
    for (const { slug } of DEMO_COURSES) {
      const demo = await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      const lessons = (await courseCurriculum(demo.id, "visitor")).flatMap((s) => s.lessons);
      expect(lessons.length, slug).toBeGreaterThanOrEqual(4);
      expect(lessons.filter((l) => l.preview && l.opens).length, slug).toBe(1);
      expect(await db.lessonAttachment.count({ where: { lesson: { courseId: demo.id }, file: { contentType: "application/pdf" } } }), slug).toBe(1);
    }
    expect(env().STORAGE_BACKEND).toBe("disk");
    expect(await fileStorage().stat("demo/cheat-sheet")).toEqual({ size: PDF.length });
  });
});
