import { CONFIDENCE_THRESHOLD } from "../parse/types";

/** Fields the parser was unsure of that no analyst has accepted or corrected yet. */
export function openUncertain(confidence: Record<string, number>, reviewed: readonly string[]): string[] {
  const settled = new Set(reviewed);
  return Object.entries(confidence)
    .filter(([pointer, c]) => c < CONFIDENCE_THRESHOLD && !settled.has(pointer))
    .map(([pointer]) => pointer);
}
