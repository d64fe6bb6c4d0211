import { describe, it, expect } from "vitest";
import { editDistance } from "./fuzzy";

describe("editDistance", () => {
  it("counts OCR and typing slips as single edits", () => {
    expect(editDistance("janzen", "janzen")).toBe(0);
    expect(editDistance("janzen", "janzfn")).toBe(1);
    expect(editDistance("howard", "howrad")).toBe(1);
    expect(editDistance("howard", "howad")).toBe(1);
    expect(editDistance("severino", "severin0")).toBe(1);
    expect(editDistance("chen", "okafor")).toBeGreaterThan(3);
  });
});
