/**
 * A vesting schedule as an analyst may save it. Shared by the editor (to say what is wrong
 * before saving) and the server (to refuse it before anything is written).
 */
import { z } from "zod";
import { buildTranches, type VestingModel } from "../vesting/model";
import { parseIso } from "../vesting/dates";

const isoDate = z.string().refine((s) => parseIso(s) !== null, "Enter a real date as YYYY-MM-DD.");
const months = (label: string) => z.number({ error: `${label} must be a number.` }).int(`${label} must be whole months.`).min(0, `${label} must be zero or more.`).max(600, `${label} is over 50 years.`);
const shares = z.number({ error: "Shares must be a number." }).int("Shares must be whole.").positive("Shares must be more than zero.");

export const ZVestingModel = z
  .object({
    kind: z.enum(["installments", "explicit", "immediate"]),
    commencementDate: isoDate.nullable(),
    totalShares: shares,
    cliff: z
      .object({
        months: months("Cliff months").optional(),
        date: isoDate.optional(),
        fraction: z.number({ error: "Cliff share must be a number." }).min(0, "Cliff share must be 0–100%.").max(1, "Cliff share must be 0–100%.").optional(),
        shares: shares.optional(),
      })
      .optional(),
    installments: z
      .object({
        count: z.number({ error: "Installments must be a number." }).int("Installments must be a whole number.").min(1, "At least one installment.").max(600, "At most 600 installments."),
        intervalMonths: months("Interval").min(1, "Interval must be at least one month."),
        startDate: isoDate.optional(),
        firstOffsetMonths: months("First installment offset").optional(),
        endDate: isoDate.optional(),
        lastDayOfMonth: z.boolean().optional(),
        fractions: z.array(z.number().nonnegative()).optional(),
      })
      .optional(),
    explicitTranches: z.array(z.object({ date: isoDate, shares: shares.optional(), fraction: z.number().min(0).max(1).optional() })).max(600).optional(),
    condition: z.string().max(2000).optional(),
    notes: z.array(z.string().max(2000)).max(50),
  })
  .superRefine((m, ctx) => {
    if (m.kind === "installments" && !m.installments) ctx.addIssue({ code: "custom", message: "Give the number of installments and their interval." });
    if (m.kind === "explicit" && m.explicitTranches?.some((t) => t.shares === undefined)) ctx.addIssue({ code: "custom", message: "Give every tranche its shares." });
    if (m.kind === "explicit" && m.explicitTranches && m.explicitTranches.reduce((a, t) => a + (t.shares ?? 0), 0) !== m.totalShares) {
      ctx.addIssue({ code: "custom", message: "The tranches must add up to the total shares." });
    }
    if (buildTranches(m as VestingModel).length === 0) ctx.addIssue({ code: "custom", message: "This schedule gives no tranches: check the dates and counts." });
  });

export type TVestingModel = z.infer<typeof ZVestingModel>;

/** The first problem with a draft schedule, for the analyst; null when it can be saved. */
export function vestingProblem(model: unknown): string | null {
  const r = ZVestingModel.safeParse(model);
  return r.success ? null : (r.error.issues[0]?.message ?? "This schedule cannot be saved.");
}
