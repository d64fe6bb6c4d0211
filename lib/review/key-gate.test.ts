import { describe, expect, it } from "vitest";
import { KeyGate } from "./key-gate";

/** Which keys of a timed sequence would act: pressed alone, and still alone when their timer fires a gap later. */
function acting(keys: [key: string, at: number][]): string[] {
  const gate = new KeyGate(300);
  const timers: [key: string, pressedAt: number][] = [];
  const acted: string[] = [];
  const fireDue = (now: number) => {
    while (timers.length && timers[0][1] + 300 <= now) {
      const [key, pressedAt] = timers.shift()!;
      if (gate.stillAlone(pressedAt)) acted.push(key);
    }
  };
  for (const [key, at] of keys) {
    fireDue(at);
    if (gate.press(key, at)) timers.push([key, at]);
  }
  fireDue(Number.POSITIVE_INFINITY);
  return acted;
}

describe("KeyGate", () => {
  it("lets shortcuts pressed one at a time act", () => {
    expect(acting([["j", 0], ["a", 900], ["j", 1400], ["e", 2500]])).toEqual(["j", "a", "j", "e"]);
  });

  it("runs none of the letters of a typed word, the first one included", () => {
    const word = [..."not-a-cik"].map((k, i): [string, number] => [k, 1000 + i * 120]);
    expect(acting(word)).toEqual([]);
  });

  it("does not count Enter, Escape or arrows as typing", () => {
    expect(acting([["j", 0], ["Enter", 50], ["ArrowDown", 60]])).toEqual(["j", "Enter", "ArrowDown"]);
  });

  it("lets a shortcut act once the typing has stopped", () => {
    expect(acting([["x", 0], ["y", 100], ["a", 600]])).toEqual(["a"]);
  });
});
