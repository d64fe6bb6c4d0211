import "server-only";
import { readFiling, ParseError, MAX_FILE_BYTES, tooLargeReason } from "./parse";
import { storeFiling, findFilingIdBySha } from "./db/filings";
import { createHash } from "node:crypto";
import type { PrismaClient } from "./db/client";

export type IngestResult =
  | { fileName: string; status: "stored" | "duplicate"; filingId: number; summary: string }
  | { fileName: string; status: "rejected"; reason: string };

/** A parse that takes longer than this is stopped and the file rejected, so no input can hold the server. */
const PARSE_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ParseError(`reading it took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Parses and stores one uploaded file; never throws for bad input, only reports it. */
export async function ingestFile(fileName: string, bytes: Uint8Array, db?: PrismaClient): Promise<IngestResult> {
  try {
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ParseError(tooLargeReason(bytes.length));
    }
    // A re-upload is recognised before parsing: cheap, and right even when the parser has changed since.
    const sha = createHash("sha256").update(bytes).digest("hex");
    const known = await findFilingIdBySha(sha, db);
    if (known !== null) return { fileName, status: "duplicate", filingId: known, summary: "" };
    const { filing, text: rawText } = await withTimeout(readFiling(bytes, { fileName }), PARSE_TIMEOUT_MS);
    if (!filing.issuer.name && filing.reportingOwners.length === 0) {
      throw new ParseError("no issuer and no reporting person could be read");
    }
    const stored = await storeFiling({ filing, fileName, rawText }, db);
    const owner = filing.reportingOwners[0]?.name ?? "unknown owner";
    return { fileName, status: stored.status, filingId: stored.filingId, summary: `Form ${filing.formType} · ${filing.issuer.name || "unknown issuer"} · ${owner}` };
  } catch (err) {
    if (err instanceof ParseError) return { fileName, status: "rejected", reason: err.message };
    console.error(`upload of ${fileName} failed`, err);
    return { fileName, status: "rejected", reason: "it could not be stored because of an internal error (logged on the server)" };
  }
}
