import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

/**
 * Gives every page and API response a Content-Security-Policy with a nonce of its own (Next reads
 * the nonce from the request's copy of the header while rendering and puts it on its scripts).
 */
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    // Built scripts, styles and images are files, not documents: a policy on them does nothing.
    // Server action calls answer with data, not documents, and pass by: Next buffers the body of
    // every request the proxy sees, and an upload batch is large.
    { source: "/((?!_next/static|_next/image|favicon.ico).*)", missing: [{ type: "header", key: "next-action" }] },
  ],
};
