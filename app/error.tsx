"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">We could not show this page. Nothing you did was lost; please try again.</p>
      <button type="button" onClick={reset} className="btn mt-6">
        Try again
      </button>
    </div>
  );
}
