"use client";

import { TRANSACTION_CODES, type FieldKind } from "@/lib/validation/fields";

export type ControlValue = string | number | boolean | string[] | null;

interface Props {
  id: string;
  kind: FieldKind;
  nullable: boolean;
  multiline: boolean;
  value: ControlValue;
  invalid: boolean;
  describedBy: string | undefined;
  label: string;
}

const inputClass = "w-full rounded border border-slate-400 bg-white px-1.5 py-1 text-sm aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";

const OPTIONS: Partial<Record<FieldKind, [string, string][]>> = {
  transactionCode: Object.entries(TRANSACTION_CODES).map(([code, meaning]) => [code, `${code} — ${meaning}`]),
  directOrIndirect: [
    ["D", "D — direct"],
    ["I", "I — indirect"],
  ],
  acquiredDisposed: [
    ["A", "A — acquired"],
    ["D", "D — disposed of"],
  ],
  rowKind: [
    ["transaction", "transaction"],
    ["holding", "holding"],
  ],
  formType: ["3", "3/A", "4", "4/A", "5", "5/A"].map((t) => [t, `Form ${t}`]),
};

/** The control that suits a field's kind: a date picker, a number, a list of SEC codes with their meaning, a checkbox. */
export function FieldControl({ id, kind, nullable, multiline, value, invalid, describedBy, label }: Props) {
  const common = {
    id,
    name: "value",
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    "aria-label": label,
    autoFocus: true,
    className: inputClass,
  };
  const text = value === null ? "" : Array.isArray(value) ? value.join(", ") : String(value);
  if (kind === "boolean" && !nullable) {
    return (
      <>
        <input type="hidden" name="value" value="false" />
        <input {...common} type="checkbox" value="true" defaultChecked={value === true} className="h-4 w-4" />
      </>
    );
  }
  if (kind === "boolean") {
    return (
      <select {...common} defaultValue={text}>
        <option value="">not stated</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  const options = OPTIONS[kind];
  if (options) {
    return (
      <select {...common} defaultValue={text}>
        {nullable && <option value="">—</option>}
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    );
  }
  if (kind === "cik") return <input {...common} type="text" inputMode="numeric" maxLength={10} placeholder="ten digits" defaultValue={text} className={`${inputClass} num`} />;
  if (kind === "footnoteIds") return <input {...common} type="text" placeholder="1, 2" defaultValue={text} />;
  if (kind === "date") return <input {...common} type="date" defaultValue={text} />;
  // Text, not type=number: analysts paste "40,000" and "$6.10", which the server reads.
  if (kind === "number") return <input {...common} type="text" inputMode="decimal" defaultValue={text} className={`${inputClass} num text-right`} />;
  if (multiline) return <textarea {...common} rows={3} defaultValue={text} />;
  return <input {...common} type="text" defaultValue={text} />;
}
