import { db } from "@/lib/db";
import { lessonOpensFor, type ContentRole } from "./content-access";
import { readingSeconds } from "./markdown";

export interface CurriculumLesson {
  id: string;
  title: string;
  preview: boolean;
  published: boolean;
  /** Video length where known, reading time otherwise. */
  durationSeconds: number;
  hasVideo: boolean;
  /** Downloadable files attached to the lesson. */
  fileCount: number;
  /** Whether this viewer may open it. */
  opens: boolean;
}

export interface CurriculumSection {
  id: string;
  title: string;
  lessons: CurriculumLesson[];
}

/**
 * A course's sections and lessons in order. Editors get drafts too; everyone else gets the
 * published lessons only (and sections that have any), each marked with whether it opens for them.
 */
export async function courseCurriculum(courseId: string, role: ContentRole): Promise<CurriculumSection[]> {
  const sections = await db.courseSection.findMany({
    where: { courseId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      lessons: {
        where: role === "editor" ? {} : { published: true },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          preview: true,
          published: true,
          body: true,
          videoFile: { select: { durationSeconds: true } },
          _count: { select: { attachments: true } },
        },
      },
    },
  });
  return sections
    .filter((section) => role === "editor" || section.lessons.length > 0)
    .map((section) => ({
      id: section.id,
      title: section.title,
      lessons: section.lessons.map(({ body, videoFile, _count, ...lesson }) => ({
        ...lesson,
        fileCount: _count.attachments,
        durationSeconds: videoFile?.durationSeconds ?? readingSeconds(body),
        hasVideo: !!videoFile,
        opens: lessonOpensFor(role, lesson),
      })),
    }));
}

export function flattenLessons(sections: CurriculumSection[]): CurriculumLesson[] {
  return sections.flatMap((section) => section.lessons);
}

/** "4 min", "1 h 05 min": a curriculum's durations, rounded up to the minute. */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "";
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

/** The lesson with its files, for the player and the preview page (access is checked by the caller). */
export function lessonForReading(lessonId: string, courseId: string) {
  return db.lesson.findFirst({
    where: { id: lessonId, courseId },
    select: {
      id: true,
      title: true,
      body: true,
      preview: true,
      published: true,
      videoFile: { select: { id: true, contentType: true, durationSeconds: true } },
      attachments: {
        orderBy: { createdAt: "asc" },
        select: { file: { select: { id: true, filename: true, contentType: true, sizeBytes: true } } },
      },
    },
  });
}
