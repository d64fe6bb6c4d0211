import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";
import { malformedFilePart, multipartBoundary } from "@/lib/security/multipart";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/security/upload-limit";

/**
 * Gives every page and API response a Content-Security-Policy with a nonce of its own (Next reads
 * the nonce from the request's copy of the header while rendering and puts it on its scripts),
 * and refuses an upload Next's form parser would fail on with HTTP 500: too large, or with
 * control characters in its part headers.
 */
export async function proxy(request: NextRequest) {
  if (request.headers.has("next-action")) return refuseMalformedUpload(request);
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Browsers send NUL, ESC or DEL in a file name as they are (CR and LF they escape); other clients
// may send raw CR and LF too.
async function refuseMalformedUpload(request: NextRequest) {
  // Next would cut a larger body to the limit and then fail to parse it, answering 500.
  const length = Number(request.headers.get("content-length"));
  if (length > MAX_UPLOAD_REQUEST_BYTES) {
    return new NextResponse(`This upload is ${(length / 1048576).toFixed(1)} MB; send at most ${MAX_UPLOAD_REQUEST_BYTES / 1048576} MB at a time. Nothing was stored.`, {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const boundary = multipartBoundary(request.headers.get("content-type"));
  const bad = boundary ? malformedFilePart(new Uint8Array(await request.arrayBuffer()), boundary) : null;
  if (!bad) return NextResponse.next();
  return new NextResponse(
    `The name of file ${bad.file} (starting "${bad.nameStart}") holds a control character such as CR, LF or NUL; nothing was stored. Rename the file and upload it again.`,
    { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } },
  );
}

export const config = {
  matcher: [
    // Built scripts, styles and images are files, not documents: a policy on them does nothing.
    // Server action calls answer with data, not documents, and pass by: Next buffers the body of
    // every request the proxy sees, and an upload batch is large.
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] },
    { source: "/upload", has: [{ type: "header", key: "next-action" }] },
  ],
};
