import { describe, it, expect } from "vitest";
import { formatScheduleSummary } from "./format";

describe("formatScheduleSummary", () => {
  it("names a schedule by its size, span and who gave it, and says when there was none", () => {
    const tranches = [
      { date: "2008-12-17", shares: 10000 },
      { date: "2011-12-17", shares: 30000 },
    ];
    expect(formatScheduleSummary({ totalShares: 40000, tranches, origin: "parser" })).toBe("40,000 shares in 2 tranches, 17 Dec 2008 to 17 Dec 2011 (read from the footnotes)");
    expect(formatScheduleSummary({ totalShares: 5000, tranches: tranches.slice(0, 1), origin: "analyst" })).toBe("5,000 shares in 1 tranche, 17 Dec 2008 to 17 Dec 2008 (entered by hand)");
    expect(formatScheduleSummary(null)).toBe("no schedule");
  });
});
