"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">The page could not be shown. The error has been logged on the server.</p>
      <button onClick={reset} className="rounded-md border border-slate-300 px-3 py-1 text-sm">
        Try again
      </button>
    </div>
  );
}
