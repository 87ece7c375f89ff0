import { lessonFileUrl } from "@/lib/lessons/file-urls";
import { renderLessonMarkdown } from "@/lib/lessons/markdown";

interface LessonContentProps {
  lesson: {
    id: string;
    body: string;
    videoFile: { id: string; contentType: string } | null;
    attachments: { file: { id: string; filename: string; sizeBytes: number } }[];
  };
}

/** A lesson's video, text and downloads. The Markdown is rendered and sanitized on the server. */
export function LessonContent({ lesson }: LessonContentProps) {
  const html = renderLessonMarkdown(lesson.body);
  return (
    <>
      {lesson.videoFile && (
        <video controls preload="metadata" className="mb-4 aspect-video w-full rounded-lg bg-black" data-testid="lesson-video">
          <source src={lessonFileUrl(lesson.id, lesson.videoFile.id)} type={lesson.videoFile.contentType} />
          Your browser cannot play this video.
        </video>
      )}
      {/* Sanitized with an allow-list in lib/lessons/markdown.ts. */}
      <div className="lesson-body" data-testid="lesson-body" dangerouslySetInnerHTML={{ __html: html }} />
      {lesson.attachments.length > 0 && (
        <section className="mt-6" aria-labelledby="downloads">
          <h2 id="downloads" className="mb-2 font-semibold">Downloads</h2>
          <ul className="space-y-1 text-sm">
            {lesson.attachments.map(({ file }) => (
              <li key={file.id}>
                <a href={lessonFileUrl(lesson.id, file.id, { download: true })} download={file.filename} data-testid="lesson-download">
                  {file.filename}
                </a>{" "}
                <span className="text-slate-500">({Math.max(1, Math.round(file.sizeBytes / 1024))} KB)</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
