import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireAnyRole } from "@/lib/auth/guards";
import { courseForEditor } from "@/lib/lessons/content-access";
import { courseCurriculum, formatDuration } from "@/lib/lessons/curriculum";
import { addLessonAction, addSectionAction, deleteSectionAction, moveLessonAction, moveSectionAction, renameSectionAction } from "./actions";

export const metadata: Metadata = { title: "Course content" };
export const dynamic = "force-dynamic";

/** The curriculum editor: sections and lessons in order, for the course's seller (and admins). */
export default async function CourseContentEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const editor = await requireAnyRole(["seller", "admin"], `/seller/courses/${id}/content`);
  const course = await courseForEditor(editor, id);
  if (!course) notFound();
  const sections = await courseCurriculum(course.id, "editor");

  return (
    <>
      <p className="text-sm"><Link href="/seller">← Your courses</Link></p>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="page-title">Content of “{course.title}”</h1>
        {course.published && <Link href={`/courses/${course.slug}`}>See the course page</Link>}
      </div>
      <p className="mb-6 text-sm text-slate-600">
        New lessons start as drafts: learners see a lesson only after you publish it, so you can work on a live course safely.
      </p>
      {sections.length === 0 && <div className="card mb-4 text-center text-slate-600">No sections yet. Add the first one below.</div>}
      <ol className="space-y-4">
        {sections.map((section, sectionIndex) => (
          <li key={section.id} className="card" data-testid="editor-section">
            <div className="flex flex-wrap items-end justify-between gap-2">
              <ActionForm action={renameSectionAction} fields={{ sectionId: section.id }} submitLabel="Rename" variant="secondary">
                <label className="flex flex-col text-sm">
                  <span className="text-slate-500">Section {sectionIndex + 1}</span>
                  <input name="title" defaultValue={section.title} required maxLength={200} className="input font-semibold" aria-label={`Title of section ${sectionIndex + 1}`} />
                </label>
              </ActionForm>
              <div className="flex gap-1">
                <ActionForm action={moveSectionAction} fields={{ sectionId: section.id, direction: "up" }} submitLabel="↑" variant="secondary" ariaLabel={`Move section ${section.title} up`}>{null}</ActionForm>
                <ActionForm action={moveSectionAction} fields={{ sectionId: section.id, direction: "down" }} submitLabel="↓" variant="secondary" ariaLabel={`Move section ${section.title} down`}>{null}</ActionForm>
                <ActionForm action={deleteSectionAction} fields={{ sectionId: section.id }} submitLabel="Delete" variant="danger" ariaLabel={`Delete section ${section.title}`}>{null}</ActionForm>
              </div>
            </div>
            <ol className="mt-3 divide-y divide-slate-100">
              {section.lessons.map((lesson) => (
                <li key={lesson.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="editor-lesson">
                  <div>
                    <Link href={`/seller/courses/${course.id}/content/lessons/${lesson.id}`} className="font-medium">{lesson.title}</Link>
                    <p className="text-xs text-slate-500">
                      {lesson.published ? <span className="text-green-700">Published</span> : "Draft"}
                      {lesson.preview && " · Free preview"}
                      {lesson.hasVideo && " · Video"}
                      {lesson.durationSeconds > 0 && ` · ${formatDuration(lesson.durationSeconds)}`}
                    </p>
                  </div>
                  <div className="flex gap-1">
                    <ActionForm action={moveLessonAction} fields={{ lessonId: lesson.id, direction: "up" }} submitLabel="↑" variant="secondary" ariaLabel={`Move lesson ${lesson.title} up`}>{null}</ActionForm>
                    <ActionForm action={moveLessonAction} fields={{ lessonId: lesson.id, direction: "down" }} submitLabel="↓" variant="secondary" ariaLabel={`Move lesson ${lesson.title} down`}>{null}</ActionForm>
                    <Link href={`/seller/courses/${course.id}/content/lessons/${lesson.id}`} className="btn-secondary" aria-label={`Edit lesson ${lesson.title}`}>Edit</Link>
                  </div>
                </li>
              ))}
            </ol>
            <ActionForm action={addLessonAction} fields={{ sectionId: section.id }} submitLabel="Add lesson" variant="secondary" className="mt-3">
              <input name="title" required maxLength={200} placeholder="New lesson title" className="input" aria-label={`New lesson in ${section.title}`} />
            </ActionForm>
          </li>
        ))}
      </ol>
      <ActionForm action={addSectionAction} fields={{ courseId: course.id }} submitLabel="Add section" className="card mt-6">
        <label className="flex flex-col text-sm">
          <span>New section</span>
          <input name="title" required maxLength={200} placeholder="e.g. Getting started" className="input" />
        </label>
      </ActionForm>
    </>
  );
}
