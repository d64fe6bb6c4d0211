import { CONFIDENCE_THRESHOLD, type Filing } from "../parse/types";
import { resolvePointer, WHOLE_LIST_LABELS } from "./fields";

/** How many of each repeated part a filing has: enough to tell which pointers name a field of it. */
export interface FilingShape {
  reportingOwners: number;
  nonDerivative: number;
  derivative: number;
  footnotes: number;
  signatures: number;
}

export const shapeOf = (f: Pick<Filing, keyof FilingShape>): FilingShape => ({
  reportingOwners: f.reportingOwners.length,
  nonDerivative: f.nonDerivative.length,
  derivative: f.derivative.length,
  footnotes: f.footnotes.length,
  signatures: f.signatures.length,
});

const LIST_OF = { filingOwner: "reportingOwners", reportingOwner: "reportingOwners", nonDerivative: "nonDerivative", derivative: "derivative", footnote: "footnotes", signature: "signatures" } as const;

/**
 * Whether the review screen shows `pointer` as a field of a filing of this shape: a value it can
 * accept or correct, or a whole table whose rows the parser doubts it read in full.
 */
export function isReviewField(pointer: string, shape: FilingShape): boolean {
  if (Object.hasOwn(WHOLE_LIST_LABELS, pointer)) return true;
  const target = resolvePointer(pointer)?.target;
  if (!target) return false;
  return !("index" in target) || target.index < shape[LIST_OF[target.entity]];
}

/**
 * The one rule for what is left to review, used by the review screen, the stored count the lists
 * and the API show, and the accept action: fields the screen shows, the parser was unsure of, and
 * no analyst has accepted or corrected yet. Confidences on anything else (a vesting entry's
 * model, which has no field on the screen) are kept but never counted.
 */
export function openUncertain(confidence: Record<string, number>, reviewed: readonly string[], shape: FilingShape): string[] {
  const settled = new Set(reviewed);
  return Object.entries(confidence)
    .filter(([pointer, c]) => c < CONFIDENCE_THRESHOLD && !settled.has(pointer) && isReviewField(pointer, shape))
    .map(([pointer]) => pointer);
}
