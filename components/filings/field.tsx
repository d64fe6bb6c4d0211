import { CONFIDENCE_THRESHOLD } from "@/lib/parse/types";

/** One labelled value; a value the parser was unsure of is marked, with its confidence, so the analyst checks it. */
export function Field({
  label,
  children,
  confidence,
  pointer,
}: {
  label: string;
  children: React.ReactNode;
  confidence?: number;
  pointer?: string;
}) {
  const unsure = confidence !== undefined && confidence < CONFIDENCE_THRESHOLD;
  return (
    <div data-pointer={pointer} data-uncertain={unsure || undefined} className={unsure ? "rounded bg-amber-50 ring-1 ring-amber-300" : undefined}>
      <dt className="px-1 text-xs text-slate-500">
        {label}
        {unsure && (
          <span className="ml-1 text-amber-800" title={`Parser confidence ${Math.round(confidence! * 100)}%`}>
            · unsure ({Math.round(confidence! * 100)}%)
          </span>
        )}
      </dt>
      <dd className="num px-1 break-words">{children}</dd>
    </div>
  );
}
