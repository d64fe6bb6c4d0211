"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentAnalyst, rememberAnalyst } from "@/lib/analyst";
import { ZAnalystName } from "@/lib/validation/analyst";
import { acceptField, acceptFields, addRow, moveRow, removeRow, revertEdit, setStatus, updateField } from "@/lib/db/edits";
import { saveSchedule } from "@/lib/db/vesting";
import { reparseFiling } from "@/lib/db/reparse";
import { resolvePointer, rowLabel } from "@/lib/review/fields";
import { formatFieldValue } from "@/lib/format";
import { fieldValueSchema } from "@/lib/validation/fields";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";

export type ActionState =
  | { status: "idle" }
  | { status: "done"; version: number }
  | { status: "error"; message: string }
  | { status: "conflict"; message: string; currentValue: unknown; version: number; changedBy: string | null };

const id = z.coerce.number().int().nonnegative();
const ZFieldForm = z.object({ filingId: id, pointer: z.string().startsWith("/"), expectedVersion: id, reason: z.string().max(500).optional() });
const ZAcceptForm = z.object({ filingId: id, pointer: z.string().startsWith("/") });
const ZAcceptManyForm = z.object({ filingId: id, pointers: z.string().transform((s, ctx) => {
  try {
    return z.array(z.string().startsWith("/")).min(1).max(5000).parse(JSON.parse(s));
  } catch {
    ctx.addIssue({ code: "custom", message: "not a list of fields" });
    return z.NEVER;
  }
}) });
const ZRevertForm = z.object({ filingId: id, editId: id });
const ZStatusForm = z.object({ filingId: id, status: z.enum(["reviewed", "needs_review"]) });
// The model itself is checked by saveSchedule against ZVestingModel (lib/validation/vesting.ts).
const ZScheduleForm = z.object({ filingId: id, rowIndex: id, expectedVersion: id, model: z.string().min(2).max(200_000) });
const ZReparseForm = z.object({ filingId: id, expectedVersion: id });
const ZRowForm = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), filingId: id, table: z.enum(["derivative", "nonDerivative"]), expectedVersion: id }),
  z.object({ op: z.literal("remove"), filingId: id, table: z.enum(["derivative", "nonDerivative"]), expectedVersion: id, index: id }),
  z.object({ op: z.literal("move"), filingId: id, table: z.enum(["derivative", "nonDerivative"]), expectedVersion: id, index: id, to: id }),
]);

const fields = (formData: FormData) => Object.fromEntries([...formData.keys()].map((k) => [k, formData.get(k)]));

/** Runs one change as the current analyst; expected failures become state the form shows at the field. */
async function asAnalyst(filingId: number, run: (author: string) => Promise<{ version: number }>): Promise<ActionState> {
  const author = await currentAnalyst();
  if (!author) return { status: "error", message: "Say who you are (top of the page) before changing a filing." };
  let state: ActionState;
  try {
    state = { status: "done", version: (await run(author)).version };
  } catch (err) {
    if (err instanceof ConflictError) {
      state = { status: "conflict", message: err.message, currentValue: err.currentValue, version: err.currentVersion, changedBy: err.changedBy };
    } else if (err instanceof ValidationError || err instanceof NotFoundError) {
      return { status: "error", message: err.message };
    } else {
      console.error(err);
      return { status: "error", message: "The change could not be saved; try again." };
    }
  }
  revalidatePath(`/filings/${filingId}`);
  revalidatePath("/filings");
  return state;
}

const badForm = (): { status: "error"; message: string } => ({ status: "error", message: "The form was not understood; reload the page." });

export async function saveField(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZFieldForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, pointer, expectedVersion, reason } = parsed.data;
  // A checkbox posts a hidden "false" followed by "true" when ticked: the last value is the answer.
  const posted = formData.getAll("value").at(-1) ?? null;
  const spec = resolvePointer(pointer);
  if (!spec) return badForm();
  // Refused here, before anything is read or written, with the schema's message for the field.
  const value = fieldValueSchema(spec.kind, spec).safeParse(posted);
  if (!value.success) return { status: "error", message: value.error.issues[0]?.message ?? "That value is not valid here." };
  return asAnalyst(filingId, (author) => updateField({ filingId, pointer, value: value.data, expectedVersion, author, reason }));
}

export async function acceptFieldAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZAcceptForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, pointer } = parsed.data;
  return asAnalyst(filingId, (author) => acceptField({ filingId, pointer, author }));
}

export async function acceptSectionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZAcceptManyForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, pointers } = parsed.data;
  return asAnalyst(filingId, (author) => acceptFields({ filingId, pointers, author }));
}

export async function revertAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZRevertForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, editId } = parsed.data;
  return asAnalyst(filingId, (author) => revertEdit({ editId, author }));
}

export async function setStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZStatusForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, status } = parsed.data;
  return asAnalyst(filingId, (author) => setStatus({ filingId, status, author }));
}

export async function rowAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZRowForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const form = parsed.data;
  return asAnalyst(form.filingId, (author) => {
    const common = { filingId: form.filingId, table: form.table, expectedVersion: form.expectedVersion, author };
    if (form.op === "add") return addRow(common);
    if (form.op === "remove") return removeRow({ ...common, index: form.index });
    return moveRow({ ...common, from: form.index, to: form.to });
  });
}

export async function saveScheduleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZScheduleForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, rowIndex, expectedVersion } = parsed.data;
  let model: unknown;
  try {
    model = JSON.parse(parsed.data.model);
  } catch {
    return badForm();
  }
  return asAnalyst(filingId, (author) => saveSchedule({ filingId, rowIndex, model, expectedVersion, author }));
}

export type ReparseState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "done"; applied: number; rows: string[]; disagreements: { pointer: string; label: string; analystText: string; parserText: string }[] };

export async function reparseAction(_prev: ReparseState, formData: FormData): Promise<ReparseState> {
  const parsed = ZReparseForm.safeParse(fields(formData));
  if (!parsed.success) return badForm();
  const { filingId, expectedVersion } = parsed.data;
  const author = await currentAnalyst();
  if (!author) return { status: "error", message: "Say who you are (top of the page) before changing a filing." };
  try {
    const r = await reparseFiling({ filingId, expectedVersion, author });
    revalidatePath(`/filings/${filingId}`);
    revalidatePath("/filings");
    return {
      status: "done",
      applied: r.applied.length,
      rows: r.rows.map((x) => `${x.action === "add-row" ? "Added" : "Removed"} ${rowLabel(x.table, x.index)}`),
      disagreements: r.disagreements.map((d) => {
        const spec = resolvePointer(d.pointer);
        const t = spec?.target;
        // "Amount" alone does not say which grant; the row does.
        const row = t && (t.entity === "derivative" || t.entity === "nonDerivative") ? `${rowLabel(t.entity, t.index)}: ` : "";
        return { pointer: d.pointer, label: `${row}${spec?.label ?? d.pointer}`, analystText: formatFieldValue(spec?.kind, d.analystValue), parserText: formatFieldValue(spec?.kind, d.parserValue) };
      }),
    };
  } catch (err) {
    if (err instanceof ConflictError || err instanceof ValidationError || err instanceof NotFoundError) return { status: "error", message: err.message };
    console.error(err);
    return { status: "error", message: "The filing could not be re-parsed; try again." };
  }
}

export interface AnalystState {
  error: string | null;
}

export async function setAnalystAction(_prev: AnalystState, formData: FormData): Promise<AnalystState> {
  const parsed = ZAnalystName.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your name." };
  await rememberAnalyst(parsed.data.name);
  const filingId = id.safeParse(formData.get("filingId"));
  if (filingId.success) revalidatePath(`/filings/${filingId.data}`);
  return { error: null };
}
