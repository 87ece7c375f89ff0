import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { requireAnyRole } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { lessonForEditor } from "@/lib/lessons/content-access";
import { formatDuration } from "@/lib/lessons/curriculum";
import { ACCEPTED_DESCRIPTION } from "@/lib/lessons/file-kinds";
import { lessonFileUrl } from "@/lib/lessons/file-urls";
import { deleteLessonAction, removeLessonFileAction, saveLessonAction, setLessonPublishedAction } from "../../actions";
import { FileUpload } from "./file-upload";

export const metadata: Metadata = { title: "Edit lesson" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; lessonId: string }> };

export default async function LessonEditorPage({ params }: Props) {
  const { id, lessonId } = await params;
  const editor = await requireAnyRole(["seller", "admin"], `/seller/courses/${id}/content/lessons/${lessonId}`);
  const lesson = await lessonForEditor(editor, lessonId);
  if (!lesson || lesson.courseId !== id) notFound();
  const limits = env().uploadLimits;
  const back = `/seller/courses/${id}/content`;

  return (
    <>
      <p className="text-sm"><Link href={back}>← Course content</Link></p>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="page-title mb-0">{lesson.title}</h1>
        <p className="text-sm text-slate-600">
          {lesson.section.title} · {lesson.published ? <span className="text-green-700" data-testid="lesson-state">Published</span> : <span data-testid="lesson-state">Draft</span>}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <ActionForm action={saveLessonAction} fields={{ lessonId: lesson.id }} submitLabel="Save lesson" pendingLabel="Saving…" layout="column" className="card">
          <label className="label" htmlFor="lesson-title">Title</label>
          <input id="lesson-title" name="title" defaultValue={lesson.title} required maxLength={200} className="input" />
          <label className="label mt-2" htmlFor="lesson-body">Lesson text (Markdown: headings, lists, links, `code` and ``` code blocks)</label>
          <textarea id="lesson-body" name="body" defaultValue={lesson.body} rows={16} maxLength={100_000} className="input font-mono" />
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" name="preview" defaultChecked={lesson.preview} /> Free preview: anyone can open this lesson from the course page
          </label>
        </ActionForm>
        <div className="space-y-4">
          <section className="card" aria-labelledby="publish-heading">
            <h2 id="publish-heading" className="font-semibold">Publishing</h2>
            <p className="mb-2 text-sm text-slate-600">{lesson.published ? "Learners can open this lesson." : "Only you can see this draft."}</p>
            <ActionForm action={setLessonPublishedAction} fields={{ lessonId: lesson.id, published: String(!lesson.published) }} submitLabel={lesson.published ? "Unpublish lesson" : "Publish lesson"} variant={lesson.published ? "secondary" : "primary"}>
              {null}
            </ActionForm>
          </section>
          <section className="card" aria-labelledby="video-heading">
            <h2 id="video-heading" className="font-semibold">Video</h2>
            {lesson.videoFile ? (
              <div className="my-2 text-sm" data-testid="lesson-video-file">
                <a href={lessonFileUrl(lesson.id, lesson.videoFile.id)} className="underline">{lesson.videoFile.filename}</a> · {formatBytes(lesson.videoFile.sizeBytes)}
                {lesson.videoFile.durationSeconds ? ` · ${formatDuration(lesson.videoFile.durationSeconds)}` : ""}
                <ActionForm action={removeLessonFileAction} fields={{ lessonId: lesson.id, fileId: lesson.videoFile.id }} submitLabel="Remove video" variant="danger" className="mt-1">{null}</ActionForm>
              </div>
            ) : (
              <p className="my-2 text-sm text-slate-600">No video yet.</p>
            )}
            <FileUpload lessonId={lesson.id} purpose="video" accept="video/mp4,video/webm" maxBytes={limits.videoBytes} label={lesson.videoFile ? "Replace video" : "Upload video"} hint={`${ACCEPTED_DESCRIPTION.video}, up to ${formatBytes(limits.videoBytes)}`} />
          </section>
          <section className="card" aria-labelledby="files-heading">
            <h2 id="files-heading" className="font-semibold">Downloads</h2>
            <ul className="my-2 space-y-2 text-sm">
              {lesson.attachments.map(({ file }) => (
                <li key={file.id} className="flex flex-wrap items-center justify-between gap-2" data-testid="lesson-attachment">
                  <span><a href={lessonFileUrl(lesson.id, file.id, { download: true })}>{file.filename}</a> · {formatBytes(file.sizeBytes)}</span>
                  <ActionForm action={removeLessonFileAction} fields={{ lessonId: lesson.id, fileId: file.id }} submitLabel="Remove" variant="danger" ariaLabel={`Remove ${file.filename}`}>{null}</ActionForm>
                </li>
              ))}
              {lesson.attachments.length === 0 && <li className="text-slate-600">No files yet.</li>}
            </ul>
            <FileUpload lessonId={lesson.id} purpose="file" accept=".pdf,.zip,.pptx,.docx,.xlsx,.odp,.epub" maxBytes={limits.fileBytes} label="Add a file" hint={`${ACCEPTED_DESCRIPTION.file}, up to ${formatBytes(limits.fileBytes)}`} />
          </section>
          <section className="card" aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="font-semibold">Delete</h2>
            <p className="mb-2 text-sm text-slate-600">Deletes the lesson, its files and learners&apos; progress on it.</p>
            <ActionForm action={deleteLessonAction} fields={{ lessonId: lesson.id }} submitLabel="Delete lesson" variant="danger">{null}</ActionForm>
          </section>
        </div>
      </div>
    </>
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
