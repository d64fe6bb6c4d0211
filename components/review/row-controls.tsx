import { rowAction } from "@/app/filings/[id]/actions";
import { TABLE_NAME, rowLabel, type RowTable } from "@/lib/review/fields";
import { ActionButton } from "./action-buttons";

/** Move, remove (with `index`) or add (without) rows of Table I or II; every change is recorded. A row's buttons are stops of its grid. */
export function RowControls({ filingId, version, table, index, count }: { filingId: number; version: number; table: RowTable; index?: number; count: number }) {
  const common = { filingId, table, expectedVersion: version };
  if (index === undefined) {
    return (
      <div className="mt-2">
        <ActionButton action={rowAction} fields={{ ...common, op: "add" }} label={`Add a row to ${TABLE_NAME[table]}`}>
          Add row
        </ActionButton>
      </div>
    );
  }
  const row = rowLabel(table, index);
  return (
    <div className="flex gap-1">
      {index > 0 && (
        <ActionButton action={rowAction} fields={{ ...common, op: "move", index, to: index - 1 }} label={`Move ${row} up`} cell={`${table}/${index}/up`}>
          ↑
        </ActionButton>
      )}
      {index < count - 1 && (
        <ActionButton action={rowAction} fields={{ ...common, op: "move", index, to: index + 1 }} label={`Move ${row} down`} cell={`${table}/${index}/down`}>
          ↓
        </ActionButton>
      )}
      <ActionButton action={rowAction} fields={{ ...common, op: "remove", index }} label={`Remove ${row}`} cell={`${table}/${index}/remove`} confirm={`Remove ${row}? This is recorded in the history but cannot be reverted there.`}>
        Remove
      </ActionButton>
    </div>
  );
}
