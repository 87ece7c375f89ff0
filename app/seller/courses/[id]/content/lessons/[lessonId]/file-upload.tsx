"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

interface FileUploadProps {
  lessonId: string;
  purpose: "video" | "file";
  accept: string;
  maxBytes: number;
  label: string;
  hint: string;
}

type Status = { state: "idle" } | { state: "sending"; percent: number } | { state: "done"; message: string } | { state: "failed"; message: string };

/** Sends the chosen file as the request body with a progress bar; Cancel aborts it and nothing is kept. */
export function FileUpload({ lessonId, purpose, accept, maxBytes, label, hint }: FileUploadProps) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const [status, setStatus] = useState<Status>({ state: "idle" });

  async function start() {
    const file = input.current?.files?.[0];
    if (!file) return setStatus({ state: "failed", message: "Choose a file first." });
    if (file.size > maxBytes) return setStatus({ state: "failed", message: `This file is larger than the ${Math.round(maxBytes / 1048576)} MB limit.` });
    const duration = purpose === "video" ? await videoDuration(file) : null;
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", `/api/lessons/${lessonId}/files?purpose=${purpose}&name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    if (duration) xhr.setRequestHeader("x-video-duration", String(Math.round(duration)));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) setStatus({ state: "sending", percent: Math.floor((event.loaded / event.total) * 100) });
    };
    xhr.onload = () => {
      request.current = null;
      if (xhr.status === 201) {
        setStatus({ state: "done", message: `${file.name} uploaded.` });
        if (input.current) input.current.value = "";
        router.refresh();
        return;
      }
      let message = "The upload failed. Nothing was kept; please try again.";
      try {
        message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
      } catch {}
      setStatus({ state: "failed", message });
    };
    xhr.onerror = () => {
      request.current = null;
      setStatus({ state: "failed", message: "The connection broke during the upload. Nothing was kept; please try again." });
    };
    xhr.onabort = () => {
      request.current = null;
      setStatus({ state: "failed", message: "Upload cancelled. Nothing was kept." });
    };
    setStatus({ state: "sending", percent: 0 });
    xhr.send(file);
  }

  const sending = status.state === "sending";
  return (
    <div className="mt-2 space-y-2" data-testid={`upload-${purpose}`}>
      <input ref={input} type="file" accept={accept} disabled={sending} className="block min-h-11 w-full text-sm" aria-label={purpose === "video" ? "Choose a video" : "Choose a file"} />
      <p className="text-xs text-slate-500">{hint}</p>
      <div className="flex gap-2">
        <button type="button" className="btn-secondary" onClick={start} disabled={sending}>{label}</button>
        {sending && <button type="button" className="btn-secondary" onClick={() => request.current?.abort()}>Cancel</button>}
      </div>
      {sending && (
        <progress className="w-full" max={100} value={status.percent} aria-label="Upload progress">{status.percent} %</progress>
      )}
      {status.state === "done" && <p role="status" className="text-sm text-green-700">{status.message}</p>}
      {status.state === "failed" && <p role="alert" className="text-sm text-red-700">{status.message}</p>}
    </div>
  );
}

/** The browser's own reading of the video's length, for the curriculum; null when it cannot tell. */
function videoDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement("video");
    const done = (value: number | null) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    video.preload = "metadata";
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : null);
    video.onerror = () => done(null);
    setTimeout(() => done(null), 3000);
    video.src = url;
  });
}
