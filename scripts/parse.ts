// The contract's command line: `npm run --silent parse -- <file> [...]`.
// stdout carries only JSON; each unreadable file gets one line on stderr and exit code 2.
import { readFile, stat } from "node:fs/promises";
import { parseFiling, ParseError, MAX_FILE_BYTES, type Filing } from "../lib/parse";

async function parseOne(path: string): Promise<Filing> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ParseError("no such file");
  if (!info.isFile()) throw new ParseError("not a regular file");
  if (info.size > MAX_FILE_BYTES) throw new ParseError(`the file is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
  return parseFiling(new Uint8Array(await readFile(path)), { fileName: path });
}

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write("usage: npm run --silent parse -- <file> [<file> ...]\n");
    return 2;
  }
  const out: Filing[] = [];
  let failed = false;
  for (const file of files) {
    try {
      out.push(await parseOne(file));
    } catch (err) {
      failed = true;
      const reason = err instanceof ParseError ? err.message : `could not be read (${(err as Error).message ?? err})`;
      process.stderr.write(`${file}: ${reason.replace(/\s+/g, " ")}\n`);
    }
  }
  if (files.length === 1) {
    if (out.length) process.stdout.write(JSON.stringify(out[0], null, 2) + "\n");
  } else {
    process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  }
  return failed ? 2 : 0;
}

// process.exit() would end the process before a piped stdout drains (output cut at 64 KiB):
// set the exit code and let Node exit once the writes are flushed.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`parse: ${(err as Error).message}\n`);
    process.exitCode = 2;
  },
);
