import { describe, it, expect } from "vitest";
import { contentSecurityPolicy, newNonce } from "./headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.slice(d.indexOf(" ") + 1)]));

describe("contentSecurityPolicy", () => {
  it("lets scripts and style elements run only with the request's nonce in production", () => {
    const d = directives(contentSecurityPolicy("abc123=="));
    expect(d["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(d["style-src-elem"]).toBe("'self' 'nonce-abc123=='");
    expect(d["style-src-attr"]).toBe("'unsafe-inline'");
    expect(d["frame-ancestors"]).toBe("'none'");
    expect(Object.entries(d).filter(([, v]) => v.includes("unsafe")).map(([k]) => k)).toEqual(["style-src-attr"]);
  });

  it("lets the dev server evaluate code and inject its stylesheets, still with scripts on the nonce", () => {
    const d = directives(contentSecurityPolicy("abc123==", { development: true }));
    expect(d["script-src"]).toBe("'self' 'nonce-abc123==' 'strict-dynamic' 'unsafe-eval'");
    expect(d["style-src-elem"]).toBe("'self' 'unsafe-inline'");
  });
});

describe("newNonce", () => {
  it("is 16 random bytes in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
