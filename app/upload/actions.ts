"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ingestFile, type IngestResult } from "@/lib/ingest";
import { cleanFileName } from "@/lib/validation/file-name";

export interface UploadState {
  results: IngestResult[];
  message: string | null;
}

const MAX_FILES = 200;

const ZUpload = z.object({
  files: z
    .array(z.instanceof(File))
    .transform((files) => files.filter((f) => f.size > 0 || f.name !== ""))
    .pipe(z.array(z.instanceof(File)).min(1, "Choose at least one file.").max(MAX_FILES, `Upload at most ${MAX_FILES} files at a time.`)),
});

export async function uploadFilings(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const parsed = ZUpload.safeParse({ files: formData.getAll("files") });
  if (!parsed.success) {
    return { results: [], message: parsed.error.issues[0]?.message ?? "The upload was not understood." };
  }
  const results: IngestResult[] = [];
  for (const file of parsed.data.files) {
    const name = cleanFileName(file.name) || "(unnamed file)";
    results.push(await ingestFile(name, new Uint8Array(await file.arrayBuffer())));
  }
  if (results.some((r) => r.status === "stored")) {
    revalidatePath("/");
    revalidatePath("/filings");
  }
  const stored = results.filter((r) => r.status === "stored").length;
  const dup = results.filter((r) => r.status === "duplicate").length;
  const rejected = results.length - stored - dup;
  return { results, message: `${stored} stored, ${dup} duplicate, ${rejected} rejected.` };
}
