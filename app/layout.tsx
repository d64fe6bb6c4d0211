import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Form 4 Review", template: "%s · Form 4 Review" },
  description: "Review SEC insider ownership filings: parse, correct, browse.",
};

const nav = [
  { href: "/filings", label: "Filings" },
  { href: "/insiders", label: "Insiders" },
  { href: "/issuers", label: "Issuers" },
  { href: "/grants", label: "Grants" },
  { href: "/upload", label: "Upload" },
];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: a page built ahead of time would carry no nonce, and the
  // Content-Security-Policy (proxy.ts) would block its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/" className="font-semibold tracking-tight text-slate-900">
              Form 4 Review
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm">
              {nav.map((n) => (
                <Link key={n.href} href={n.href} className="text-slate-600 hover:text-slate-900">
                  {n.label}
                </Link>
              ))}
            </nav>
            <form role="search" action="/search" className="ml-auto">
              <label htmlFor="site-search" className="sr-only">
                Search insiders, issuers and filings
              </label>
              <input
                id="site-search"
                name="q"
                type="search"
                placeholder="Search insiders, issuers, filings"
                className="w-72 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
              />
            </form>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
