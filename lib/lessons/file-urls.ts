/** The only URL a lesson file is reachable at: checked on every request (app/api/lessons/[lessonId]/files/[fileId]). */
export function lessonFileUrl(lessonId: string, fileId: string, options: { download?: boolean } = {}): string {
  return `/api/lessons/${lessonId}/files/${fileId}${options.download ? "?download=1" : ""}`;
}
