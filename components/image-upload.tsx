"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";

interface ImageUploadProps {
  /** The upload route (app/api/.../route.ts) that takes the picture as the request body. */
  endpoint: string;
  label: string;
  hint: string;
  /** The picture as it is now (or its placeholder), drawn by the server. */
  preview: ReactNode;
  savedMessage: string;
}

type Outcome = { tone: "ok" | "error"; text: string } | null;

/** Choosing a picture uploads it at once; the page then redraws with the new one. */
export function ImageUpload({ endpoint, label, hint, preview, savedMessage }: ImageUploadProps) {
  const id = useId();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function upload(file: File | undefined, input: HTMLInputElement) {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const response = await fetch(endpoint, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" } });
      const answer = (await response.json().catch(() => ({}))) as { error?: string };
      if (response.ok) {
        setOutcome({ tone: "ok", text: savedMessage });
        router.refresh();
      } else {
        setOutcome({ tone: "error", text: answer.error ?? "The upload failed. Please try again." });
      }
    } catch {
      setOutcome({ tone: "error", text: "The upload did not reach us. Check your connection and try again." });
    } finally {
      setBusy(false);
      input.value = "";
    }
  }

  return (
    <div className="space-y-3">
      {preview}
      <div>
        <label htmlFor={id} className="label">{label}</label>
        <input
          id={id}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(event) => upload(event.currentTarget.files?.[0], event.currentTarget)}
          className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">{busy ? "Uploading…" : hint}</p>
      </div>
      <p role={outcome?.tone === "error" ? "alert" : "status"} className={outcome?.tone === "error" ? "text-sm text-red-700" : "text-sm text-green-700"}>
        {outcome?.text}
      </p>
    </div>
  );
}
