import { describe, it, expect } from "vitest";
import { describeTimeline } from "./vesting-timeline";

describe("describeTimeline", () => {
  const tranches = [
    { date: "2008-12-17", shares: 10000 },
    { date: "2009-12-17", shares: 15000 },
    { date: "2010-12-17", shares: 15000 },
  ];

  it("tells a screen reader the totals as of today, the cliff and the expiration, with unambiguous dates", () => {
    expect(describeTimeline({ tranches, today: "2009-12-17", cliff: "2008-12-17", expiration: "2017-12-17" })).toBe(
      "Vesting of 40,000 shares in 3 tranches from 17 Dec 2008 to 17 Dec 2010; as of 17 Dec 2009, 25,000 vested and 15,000 unvested; cliff on 17 Dec 2008; expires 17 Dec 2017.",
    );
  });

  it("leaves out the markers a grant does not have", () => {
    expect(describeTimeline({ tranches: tranches.slice(0, 1), today: "2008-01-01", cliff: null, expiration: null })).toBe(
      "Vesting of 10,000 shares in 1 tranche from 17 Dec 2008 to 17 Dec 2008; as of 1 Jan 2008, 0 vested and 10,000 unvested.",
    );
  });
});

describe("describeTimeline of an expired option", () => {
  it("says it expired and what had vested by then, not that the shares are vested now", () => {
    const tranches = [
      { date: "2008-12-17", shares: 10000 },
      { date: "2011-12-17", shares: 30000 },
    ];
    expect(describeTimeline({ tranches, today: "2026-12-03", cliff: null, expiration: "2010-12-17" })).toBe(
      "Vesting of 40,000 shares in 2 tranches from 17 Dec 2008 to 17 Dec 2011; expired on 17 Dec 2010, with 10,000 vested by then.",
    );
  });
});
