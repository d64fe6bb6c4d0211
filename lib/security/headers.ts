/**
 * The headers every response carries. The Content-Security-Policy is per request (its nonce), so
 * proxy.ts sets it; the rest are the same for every response, static files included, and come
 * from next.config.ts.
 */
export const STATIC_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors says the same to browsers that read CSP; this is for those that do not.
  { key: "X-Frame-Options", value: "DENY" },
  // Filing and insider URLs carry names and search terms; other sites need not see them.
  { key: "Referrer-Policy", value: "same-origin" },
] as const;

/** A fresh, unguessable nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy for one response. Scripts run only with this request's nonce (Next puts it on its
 * own scripts and inline bootstrap, reading it from the request's copy of this header);
 * 'strict-dynamic' lets those scripts load the page's chunks.
 *
 * Style elements need the nonce too, but style attributes are allowed inline: a few bars are
 * sized by data (style="width: 40%"), and an attribute cannot carry a nonce. A style attribute
 * runs no script.
 *
 * In development React evaluates code to rebuild server stacks, which needs 'unsafe-eval', and
 * the dev server injects each stylesheet as a <style> element without the nonce; there style
 * elements are allowed inline (a nonce in the list would cancel 'unsafe-inline').
 */
export function contentSecurityPolicy(nonce: string, { development = false }: { development?: boolean } = {}): string {
  const styles = development ? "'self' 'unsafe-inline'" : `'self' 'nonce-${nonce}'`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src ${styles}`,
    `style-src-elem ${styles}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
