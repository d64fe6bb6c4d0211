import { revertAction } from "@/app/filings/[id]/actions";
import { ActionButton } from "./action-buttons";

/** One change as the screen shows it: values already formatted on the server. */
export interface HistoryItem {
  id: number;
  pointer: string;
  label: string;
  action: string;
  oldText: string;
  newText: string;
  author: string;
  reason: string | null;
  at: string;
  revertsId: number | null;
  revertedById: number | null;
}

// The actions lib/db/mutate.ts counts as value changes; that module is server-only, so the list is repeated here.
const VALUE_ACTIONS = ["edit", "revert", "reparse"];
// An accept reverts too: the field goes back to waiting for review.
const REVERTIBLE = [...VALUE_ACTIONS, "accept", "add-row", "remove-row", "move-row"];

const VERBS: Record<string, string> = {
  edit: "changed",
  accept: "accepted",
  unaccept: "reopened for review",
  revert: "reverted",
  reparse: "re-parsed",
  status: "set status",
  "add-row": "added row",
  "remove-row": "removed row",
  "move-row": "moved row",
  merge: "merged the reporting person into another record:",
  unmerge: "separated the reporting person from the record it was merged into:",
};

/** A list of changes, newest first, each value or row change with a Revert button unless it was already undone. */
export function HistoryList({ filingId, items, showField }: { filingId: number; items: HistoryItem[]; showField: boolean }) {
  if (items.length === 0) return <p className="text-sm text-slate-500">No changes yet.</p>;
  return (
    <ol className="space-y-2 text-sm">
      {items.map((h) => (
        <li key={h.id} className="border-b border-slate-100 pb-2 last:border-0">
          <div>
            <span className="font-medium">{h.author}</span> {VERBS[h.action] ?? h.action}
            {showField && <span className="text-slate-700"> {h.label}</span>}
            {VALUE_ACTIONS.includes(h.action) && (
              <>
                : <del className="text-slate-500">{h.oldText}</del> → <ins className="font-medium no-underline">{h.newText}</ins>
              </>
            )}
            {h.action === "status" && <>: {h.newText}</>}
            {h.action === "move-row" && <> {h.oldText} → {h.newText}</>}
          </div>
          <div className="text-xs text-slate-500">
            {h.at}
            {h.revertsId !== null && ` · undoes change #${h.revertsId}`}
            {h.revertedById !== null && ` · undone by change #${h.revertedById}`}
            {h.reason && ` · “${h.reason}”`}
          </div>
          {REVERTIBLE.includes(h.action) && h.revertedById === null && (
            <div className="mt-1">
              <ActionButton action={revertAction} fields={{ filingId, editId: h.id }} label={`Revert change #${h.id} to ${h.label}`}>
                Revert
              </ActionButton>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
