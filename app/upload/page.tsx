import type { Metadata } from "next";
import { UploadForm } from "@/components/upload/upload-form";

export const metadata: Metadata = { title: "Upload" };

export default function UploadPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold">Upload filings</h1>
      <UploadForm />
    </div>
  );
}
