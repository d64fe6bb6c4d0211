import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";
import { MAX_UPLOAD_REQUEST_BYTES } from "./lib/security/upload-limit";

// Uploads go through a server action; a batch of filings is far above the 1 MB default.
// Each file is still limited to MAX_FILE_BYTES by the action itself.
const UPLOAD_BODY_LIMIT = MAX_UPLOAD_REQUEST_BYTES;

const nextConfig: NextConfig = {
  experimental: {
    serverActions: { bodySizeLimit: UPLOAD_BODY_LIMIT },
    // proxy.ts reads upload bodies to check their file names; past this Next would hand on a cut body.
    proxyClientMaxBodySize: UPLOAD_BODY_LIMIT,
  },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "unpdf", "tesseract.js", "sharp", "@napi-rs/canvas", "word-list"],
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
