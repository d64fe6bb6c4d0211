import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Uploads go through a server action; a batch of filings is far above the 1 MB default.
  // Each file is still limited to MAX_FILE_BYTES by the action itself.
  experimental: { serverActions: { bodySizeLimit: "64mb" } },
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "unpdf", "tesseract.js", "sharp", "@napi-rs/canvas", "word-list"],
  poweredByHeader: false,
};

export default nextConfig;
