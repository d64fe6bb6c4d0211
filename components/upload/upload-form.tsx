"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { uploadFilings, type UploadState } from "@/app/upload/actions";
import { cleanFileName } from "@/lib/validation/file-name";

/** Mirrors the server's per-file limit so an oversized file is refused before it is sent. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_BATCH_BYTES = 60 * 1024 * 1024;

const initial: UploadState = { results: [], message: null };

/**
 * The form with each file renamed as the server will store it. Browsers send NUL, ESC or DEL in a
 * file name as they are, and the server's form parser refuses the whole batch for it.
 */
function withCleanNames(form: FormData): FormData {
  const out = new FormData();
  for (const [key, value] of form.entries()) {
    out.append(key, value instanceof File && value.name ? new File([value], cleanFileName(value.name) || "(unnamed file)", { type: value.type, lastModified: value.lastModified }) : value);
  }
  return out;
}

export function UploadForm() {
  const [state, action, pending] = useActionState(uploadFilings, initial);
  const [clientError, setClientError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function choose(files: FileList | null) {
    const list = files ? Array.from(files) : [];
    setChosen(list);
    const tooBig = list.filter((f) => f.size > MAX_FILE_BYTES);
    const total = list.reduce((n, f) => n + f.size, 0);
    if (tooBig.length) {
      setClientError(`${tooBig.map((f) => f.name).join(", ")}: larger than the ${MAX_FILE_BYTES / 1048576} MB limit per file.`);
    } else if (total > MAX_BATCH_BYTES) {
      setClientError(`The batch is ${(total / 1048576).toFixed(1)} MB; upload at most ${MAX_BATCH_BYTES / 1048576} MB at a time.`);
    } else {
      setClientError(null);
    }
  }

  return (
    <div className="space-y-6">
      <form
        action={(formData) => {
          // React resets the form after the action; the count of chosen files must follow it.
          setChosen([]);
          action(withCleanNames(formData));
        }}
        className="space-y-4"
      >
        <label
          htmlFor="files"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            if (input.current && e.dataTransfer.files.length) {
              input.current.files = e.dataTransfer.files;
              choose(e.dataTransfer.files);
            }
          }}
          className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-10 text-center ${
            dragging ? "border-blue-500 bg-blue-50" : "border-slate-300 bg-white hover:border-slate-400"
          }`}
        >
          <span className="text-base font-medium">Drop filings here, or choose files</span>
          <span className="mt-1 text-sm text-slate-500">
            OCR text or markdown, EDGAR XML, EDGAR HTML or full submission text, PDF with a text layer. Up to 10 MB each.
          </span>
          <input
            ref={input}
            id="files"
            name="files"
            type="file"
            multiple
            className="mt-4 text-sm"
            aria-describedby="upload-help"
            onChange={(e) => choose(e.target.files)}
          />
        </label>
        <p id="upload-help" className="text-sm text-slate-500">
          {chosen.length ? `${chosen.length} file${chosen.length === 1 ? "" : "s"} chosen.` : "No files chosen."} Each file is
          stored on its own: a bad file is reported and never stops the others.
        </p>
        {clientError && (
          <p role="alert" className="text-sm text-red-700">
            {clientError}
          </p>
        )}
        <button
          type="submit"
          disabled={pending || !!clientError || chosen.length === 0}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400"
        >
          {pending ? "Uploading…" : "Upload"}
        </button>
      </form>

      {state.message && (
        <section aria-labelledby="results-heading" aria-live="polite">
          <h2 id="results-heading" className="text-lg font-semibold">
            Results
          </h2>
          <p className="text-sm text-slate-600">{state.message}</p>
          <ul className="mt-3 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" aria-label="Upload results">
            {state.results.map((r, i) => (
              <li key={i} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2 text-sm">
                <span className="font-mono">{r.fileName}</span>
                {r.status === "stored" && (
                  <>
                    <span className="rounded bg-green-100 px-1.5 text-green-800">stored</span>
                    <Link className="text-blue-700 underline" href={`/filings/${r.filingId}`}>
                      {r.summary}
                    </Link>
                  </>
                )}
                {r.status === "duplicate" && (
                  <>
                    <span className="rounded bg-amber-100 px-1.5 text-amber-800">duplicate</span>
                    <Link className="text-blue-700 underline" href={`/filings/${r.filingId}`}>
                      already stored as filing #{r.filingId}
                    </Link>
                  </>
                )}
                {r.status === "rejected" && (
                  <>
                    <span className="rounded bg-red-100 px-1.5 text-red-800">rejected</span>
                    <span className="text-red-800">{r.reason}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
