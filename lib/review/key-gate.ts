/**
 * Tells a shortcut from typing. The review screen's shortcuts are letters, and an analyst who
 * types a word with no editor open ("not-a-cik" into a field that has none) must not have its
 * letters run as next, accept, previous. A shortcut counts only when it stands alone: no other
 * printable key within TYPING_GAP_MS before it, nor after it before it acts.
 */
export const TYPING_GAP_MS = 300;

export class KeyGate {
  private lastPrintable = Number.NEGATIVE_INFINITY;

  constructor(private readonly gap = TYPING_GAP_MS) {}

  /** Records a key press; true when it came alone and may act once `stillAlone` says so. */
  press(key: string, at: number): boolean {
    if (key.length !== 1) return true;
    const alone = at - this.lastPrintable > this.gap;
    this.lastPrintable = at;
    return alone;
  }

  /** Whether the key pressed at `at` is still alone: no printable key has followed it. */
  stillAlone(at: number): boolean {
    return this.lastPrintable <= at;
  }
}
