import Link from "next/link";
import { formatDuration, type CurriculumSection } from "@/lib/lessons/curriculum";

interface CurriculumListProps {
  sections: CurriculumSection[];
  /** Where a lesson that opens links to; lessons that do not open are listed without a link. */
  hrefFor: (lessonId: string) => string;
  completed?: Set<string>;
  currentId?: string;
  compact?: boolean;
}

/** Sections and lessons with durations, preview marks and (for learners) what is done. */
export function CurriculumList({ sections, hrefFor, completed, currentId, compact = false }: CurriculumListProps) {
  return (
    <ol className="space-y-4" data-testid="curriculum">
      {sections.map((section, index) => (
        <li key={section.id}>
          <h3 className={`font-semibold ${compact ? "text-sm" : ""}`}>
            <span className="text-slate-500">{index + 1}.</span> {section.title}
          </h3>
          <ol className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {section.lessons.map((lesson) => {
              const done = completed?.has(lesson.id);
              const current = lesson.id === currentId;
              return (
                <li key={lesson.id} className={`flex items-center justify-between gap-2 px-3 py-2 text-sm ${current ? "bg-indigo-50" : ""}`} data-testid="curriculum-lesson">
                  <span className="flex items-center gap-2">
                    {completed && (
                      <span aria-label={done ? "Completed" : "Not completed"} className={`flex h-5 w-5 shrink-0 items-center justify-center rounded-full border text-xs ${done ? "border-green-600 bg-green-600 text-white" : "border-slate-300"}`}>
                        {done ? "✓" : ""}
                      </span>
                    )}
                    {lesson.opens ? (
                      <Link href={hrefFor(lesson.id)} aria-current={current ? "page" : undefined} className={current ? "font-semibold" : ""}>{lesson.title}</Link>
                    ) : (
                      <span className="text-slate-700">{lesson.title}</span>
                    )}
                    {!lesson.published && <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">Draft</span>}
                    {lesson.preview && !completed && <span className="rounded bg-green-50 px-1.5 text-xs text-green-800">Preview</span>}
                  </span>
                  <span className="shrink-0 text-xs text-slate-500">
                    {lesson.hasVideo ? "▶ " : ""}
                    {formatDuration(lesson.durationSeconds)}
                  </span>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
