import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildTranches } from "./model";
import { normalizeVestingText, readVestingText, type VestingContext } from "./phrases";

const ctx = (grantDate: string | null, totalShares: number | null, extra: Partial<VestingContext> = {}): VestingContext => ({
  grantDate,
  totalShares,
  ...extra,
});

function tranches(text: string, c: VestingContext) {
  const m = readVestingText(text, c);
  expect(m).not.toBeNull();
  return buildTranches(m!);
}

function dates(text: string, c: VestingContext) {
  return tranches(text, c).map((t) => t.date);
}

function sum(t: { shares: number }[]) {
  return t.reduce((a, x) => a + x.shares, 0);
}

describe("readVestingText: the seeds", () => {
  it("25% one year from grant, then 36 monthly", () => {
    const t = tranches(
      "The option vests as to 25% of the shares one year from grant date and then, as to the remaining 75% of the shares, in equal monthly increments for the following 36 months.",
      ctx("2007-12-17", 40000),
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2008-12-17", shares: 10000 });
    expect(t.slice(1, 36).every((x) => x.shares === 833)).toBe(true);
    expect(t[1].date).toBe("2009-01-17");
    expect(t[36]).toEqual({ date: "2011-12-17", shares: 30000 - 35 * 833 });
    expect(sum(t)).toBe(40000);
  });

  it("25% on a two-digit-year date, then thirty-six monthly", () => {
    const t = tranches(
      "The option vests as to 25% of the shares on 12/29/05 and then, as to the remaining 75% of the shares, in equal monthly increments for the following thirty-six months.",
      ctx("2004-12-29", 10000),
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2005-12-29", shares: 2500 });
    expect(t[1]).toEqual({ date: "2006-01-29", shares: 208 });
    expect(t[2]).toEqual({ date: "2006-02-28", shares: 208 });
    expect(t[3]).toEqual({ date: "2006-03-29", shares: 208 });
    expect(t[36]).toEqual({ date: "2008-12-29", shares: 7500 - 35 * 208 });
  });

  it("survives OCR noise: l for 1, O for 0, broken words and number words", () => {
    const t = tranches(
      "The option vests as to 25% of the shares on l2/29/O5 and then, as to the re-\nmaining 75% of the shares, in equal month1y in crements for the following thirty- six months.",
      ctx("2004-12-29", 10000),
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2005-12-29", shares: 2500 });
    expect(t[36].date).toBe("2008-12-29");
  });
});

describe("readVestingText: OCR", () => {
  it("splits words run together", () => {
    expect(dates("The option vestsin four equal annualinstallments beginning on thefirst anniversary of the grant date.", ctx("2020-01-10", 4))).toEqual([
      "2021-01-10",
      "2022-01-10",
      "2023-01-10",
      "2024-01-10",
    ]);
    expect(dates("25% vests after one year and the remainder in equalmonthly installments over the following 36months.", ctx("2020-01-10", 48))).toHaveLength(37);
  });

  it("reads l for 1 and I for 1 in numbers, O for 0", () => {
    expect(dates("The option vests in l2 equal quarterly installments commencing on 3/3l/2O22.", ctx("2022-01-01", 12))).toHaveLength(12);
    expect(dates("The option vests in l2 equal quarterly installments commencing on 3/3l/2O22.", ctx("2022-01-01", 12))[0]).toBe("2022-03-31");
  });
});

describe("readVestingText: installments", () => {
  it("four equal annual installments beginning on the first anniversary", () => {
    const t = tranches("Vests in four equal annual installments beginning on the first anniversary of the grant date.", ctx("2020-02-29", 1001));
    expect(t).toEqual([
      { date: "2021-02-28", shares: 250 },
      { date: "2022-02-28", shares: 250 },
      { date: "2023-02-28", shares: 250 },
      { date: "2024-02-29", shares: 251 },
    ]);
  });

  it("named vesting commencement date, balance on the last day of every month", () => {
    const t = tranches(
      "25% of the shares vest on the first anniversary of the vesting commencement date and the balance vest equally on the last day of every month thereafter over the following 36 months, based on a vesting commencement date of March 1, 2020.",
      ctx("2020-05-10", 4800),
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2021-03-01", shares: 1200 });
    expect(t[1]).toEqual({ date: "2021-03-31", shares: 100 });
    expect(t[2]).toEqual({ date: "2021-04-30", shares: 100 });
    expect(t[12].date).toBe("2022-02-28");
    expect(t[36]).toEqual({ date: "2024-02-29", shares: 100 });
  });

  it("same wording without a named commencement date uses the grant date", () => {
    const m = readVestingText(
      "25% of the shares vest on the first anniversary of the vesting commencement date and the balance vest equally on the last day of every month thereafter over the following 36 months.",
      ctx("2019-01-31", 3600),
    )!;
    expect(m.commencementDate).toBe("2019-01-31");
    const t = buildTranches(m);
    expect(t[0]).toEqual({ date: "2020-01-31", shares: 900 });
    expect(t[1].date).toBe("2020-02-29");
  });

  it("1/48th of the shares vest monthly", () => {
    const d = dates("1/48th of the shares vest monthly.", ctx("2021-01-31", 4800));
    expect(d).toHaveLength(48);
    expect(d.slice(0, 3)).toEqual(["2021-02-28", "2021-03-31", "2021-04-30"]);
    expect(d[47]).toBe("2025-01-31");
  });

  it("16 equal quarterly installments", () => {
    const t = tranches("The option vests in 16 equal quarterly installments.", ctx("2022-11-30", 1000));
    expect(t).toHaveLength(16);
    expect(t.slice(0, 2)).toEqual([
      { date: "2023-02-28", shares: 62 },
      { date: "2023-05-30", shares: 62 },
    ]);
    expect(t[15]).toEqual({ date: "2026-11-30", shares: 1000 - 15 * 62 });
  });

  it("exercisable in three equal annual installments", () => {
    expect(tranches("The option is exercisable in three equal annual installments.", ctx("2010-06-01", 100))).toEqual([
      { date: "2011-06-01", shares: 33 },
      { date: "2012-06-01", shares: 33 },
      { date: "2013-06-01", shares: 34 },
    ]);
  });

  it("uneven percentages on the first five anniversaries", () => {
    expect(
      tranches("The options vest 25%, 25%, 17%, 17% and 16% on the first five anniversaries of the grant date.", ctx("2015-03-02", 10000)),
    ).toEqual([
      { date: "2016-03-02", shares: 2500 },
      { date: "2017-03-02", shares: 2500 },
      { date: "2018-03-02", shares: 1700 },
      { date: "2019-03-02", shares: 1700 },
      { date: "2020-03-02", shares: 1600 },
    ]);
  });

  it("cliff date and a later quarterly anchor", () => {
    const t = tranches(
      "25% vested on March 7, 2018 and the remainder vests quarterly over three years beginning on May 16, 2018.",
      ctx("2017-03-07", 4000),
    );
    expect(t).toHaveLength(13);
    expect(t[0]).toEqual({ date: "2018-03-07", shares: 1000 });
    expect(t[1]).toEqual({ date: "2018-05-16", shares: 250 });
    expect(t[2]).toEqual({ date: "2018-08-16", shares: 250 });
    expect(t[12]).toEqual({ date: "2021-02-16", shares: 250 });
  });

  it("forty-eight monthly installments checked against the stated end", () => {
    const m = readVestingText(
      "The option vests in forty-eight (48) equal monthly installments following January 31, 2023 such that the option is fully vested on January 31, 2027.",
      ctx("2023-01-15", 48000),
    )!;
    expect(m.notes).toEqual([]);
    expect(m.installments?.endDate).toBe("2027-01-31");
    const t = buildTranches(m);
    expect(t).toHaveLength(48);
    expect(t.slice(0, 2).map((x) => x.date)).toEqual(["2023-02-28", "2023-03-31"]);
    expect(t[12].date).toBe("2024-02-29");
    expect(t[47]).toEqual({ date: "2027-01-31", shares: 1000 });
  });

  it("takes the count from the stated end when the text gives none", () => {
    const t = tranches(
      "The option vests in equal monthly installments following January 31, 2023 such that the option is fully vested on January 31, 2025.",
      ctx("2023-01-15", 2400),
    );
    expect(t).toHaveLength(24);
    expect(t[0]).toEqual({ date: "2023-02-28", shares: 100 });
    expect(t[23].date).toBe("2025-01-31");
  });

  it("notes a stated end that disagrees with the count", () => {
    const m = readVestingText(
      "The option vests in 36 equal monthly installments following January 31, 2023 such that the option is fully vested on January 31, 2027.",
      ctx("2023-01-15", 3600),
    )!;
    expect(m.notes.join(" ")).toMatch(/does not match/);
  });

  it("one-third on each of the first three anniversaries", () => {
    expect(dates("One-third of the shares vest on each of the first three anniversaries of the grant date.", ctx("2021-08-31", 300))).toEqual([
      "2022-08-31",
      "2023-08-31",
      "2024-08-31",
    ]);
  });

  it("vest ratably over four years", () => {
    expect(dates("The restricted stock units vest ratably over four years.", ctx("2021-05-03", 400))).toEqual([
      "2022-05-03",
      "2023-05-03",
      "2024-05-03",
      "2025-05-03",
    ]);
  });

  it("vest ratably on a quarterly basis over two years", () => {
    expect(dates("The RSUs vest ratably on a quarterly basis over two years.", ctx("2021-05-03", 800))).toHaveLength(8);
  });

  it("12 equal quarterly installments commencing on a month end stay on quarter ends", () => {
    const d = dates("The option vests in 12 equal quarterly installments commencing on June 30, 2021.", ctx("2021-03-15", 1200));
    expect(d.slice(0, 4)).toEqual(["2021-06-30", "2021-09-30", "2021-12-31", "2022-03-31"]);
    expect(d).toHaveLength(12);
  });

  it("monthly over four years with a one-year cliff", () => {
    const t = tranches("The option vests monthly over 4 years with a one-year cliff.", ctx("2020-01-15", 4800));
    expect(t[0]).toEqual({ date: "2021-01-15", shares: 1200 });
    expect(t[1]).toEqual({ date: "2021-02-15", shares: 100 });
    expect(t[36]).toEqual({ date: "2024-01-15", shares: 100 });
    expect(t).toHaveLength(37);
  });

  it("becomes exercisable in 5 equal annual installments beginning one year after the date of grant", () => {
    expect(
      dates("The option becomes exercisable in 5 equal annual installments beginning one year after the date of grant.", ctx("2012-12-10", 500)),
    ).toEqual(["2013-12-10", "2014-12-10", "2015-12-10", "2016-12-10", "2017-12-10"]);
  });

  it("6.25% quarterly", () => {
    const d = dates("The award vests 6.25% quarterly.", ctx("2020-01-01", 1600));
    expect(d).toHaveLength(16);
    expect(d[15]).toBe("2024-01-01");
  });

  it("25% on each anniversary", () => {
    expect(dates("25% of the RSUs vest on each anniversary of the grant date.", ctx("2020-01-01", 100))).toEqual([
      "2021-01-01",
      "2022-01-01",
      "2023-01-01",
      "2024-01-01",
    ]);
  });

  it("RSUs that settle upon vesting", () => {
    expect(
      dates(
        "Each restricted stock unit represents a contingent right to receive one share of common stock. The RSUs vest in three equal annual installments beginning March 1, 2025 and settle upon vesting.",
        ctx("2024-02-20", 300),
      ),
    ).toEqual(["2025-03-01", "2026-03-01", "2027-03-01"]);
  });

  it("the remaining shares vest in equal monthly installments over the next three years", () => {
    const t = tranches(
      "25% of the shares vested on March 1, 2021 and the remaining shares vest in equal monthly installments over the next three years.",
      ctx("2020-03-01", 4800),
    );
    expect(t[0]).toEqual({ date: "2021-03-01", shares: 1200 });
    expect(t).toHaveLength(37);
    expect(t[36].date).toBe("2024-03-01");
  });

  it("one-year cliff then 1/48th monthly thereafter", () => {
    const t = tranches(
      "Twenty-five percent (25%) of the shares subject to the option vest on the one-year anniversary of the vesting commencement date, and 1/48th of the shares vest monthly thereafter.",
      ctx("2020-06-15", 4800),
    );
    expect(t[0]).toEqual({ date: "2021-06-15", shares: 1200 });
    expect(t).toHaveLength(37);
    expect(t[36]).toEqual({ date: "2024-06-15", shares: 100 });
  });

  it("over four years with 25% after one year and the rest monthly", () => {
    const t = tranches(
      "The option vests over four years, with 25% vesting after one year and the remainder vesting in equal monthly installments thereafter.",
      ctx("2020-06-15", 4800),
    );
    expect(t).toHaveLength(37);
    expect(t[36].date).toBe("2024-06-15");
  });

  it("semi-annual installments over three years", () => {
    expect(dates("The shares vest in equal semi-annual installments over three years.", ctx("2020-08-31", 600))).toEqual([
      "2021-02-28",
      "2021-08-31",
      "2022-02-28",
      "2022-08-31",
      "2023-02-28",
      "2023-08-31",
    ]);
  });
});

describe("readVestingText: more wordings from Form 4 footnotes", () => {
  // [text, count, first tranche, last tranche], grant 2024-03-15, 1200 shares.
  const cases: [string, number, [string, number], [string, number]][] = [
    [
      "The option shall vest and become exercisable with respect to 25% of the shares on the first anniversary of the grant date and with respect to an additional 1/48th of the shares monthly thereafter.",
      37, ["2025-03-15", 300], ["2028-03-15", 25],
    ],
    [
      "The restricted stock units vest in equal annual installments over a three-year period beginning on the first anniversary of the grant date.",
      3, ["2025-03-15", 400], ["2027-03-15", 400],
    ],
    ["Twenty-five percent of the option vests on each of the first four anniversaries of the date of grant.", 4, ["2025-03-15", 300], ["2028-03-15", 300]],
    ["The shares of restricted stock vest in full on the fourth anniversary of the grant date, subject to continued employment.", 1, ["2028-03-15", 1200], ["2028-03-15", 1200]],
    [
      "The RSUs will vest in four equal installments on each of March 15, 2025, March 16, 2026, March 15, 2027 and March 15, 2028.",
      4, ["2025-03-15", 300], ["2028-03-15", 300],
    ],
    ["One-fourth of the shares vest annually beginning one year after the grant date.", 4, ["2025-03-15", 300], ["2028-03-15", 300]],
    ["The option vests in a series of 48 successive equal monthly installments measured from the vesting commencement date.", 48, ["2024-04-15", 25], ["2028-03-15", 25]],
    ["The option vests at a rate of 1/36th per month.", 36, ["2024-04-15", 33], ["2027-03-15", 1200 - 35 * 33]],
    [
      "The shares are subject to a right of repurchase that lapses as to 1/4 of the shares on the first anniversary and 1/48 monthly thereafter.",
      37, ["2025-03-15", 300], ["2028-03-15", 25],
    ],
    ["These options vest in equal annual installments over five years.", 5, ["2025-03-15", 240], ["2029-03-15", 240]],
    ["The options vest quarterly over a three-year period commencing on the grant date.", 12, ["2024-06-15", 100], ["2027-03-15", 100]],
    ["The RSUs vest as to one-third of the shares on each of June 1, 2025, June 1, 2026 and June 1, 2027.", 3, ["2025-06-01", 400], ["2027-06-01", 400]],
    ["Vests 100% on the third anniversary.", 1, ["2027-03-15", 1200], ["2027-03-15", 1200]],
    ["The award vests 50% on the second anniversary and 50% on the fourth anniversary of the grant date.", 2, ["2026-03-15", 600], ["2028-03-15", 600]],
    ["The RSUs vest one-third per year.", 3, ["2025-03-15", 400], ["2027-03-15", 400]],
    ["The option vests in 12 equal quarterly installments commencing three months after the grant date.", 12, ["2024-06-15", 100], ["2027-03-15", 100]],
    ["The stock options vest in three equal annual installments beginning on February 15, 2025.", 3, ["2025-02-15", 400], ["2027-02-15", 400]],
    ["33 1/3% of the shares vest on each anniversary of the grant date.", 3, ["2025-03-15", 400], ["2027-03-15", 400]],
    ["The restricted stock units vest on the first anniversary of the grant date.", 1, ["2025-03-15", 1200], ["2025-03-15", 1200]],
    [
      "Each RSU represents the right to receive one share. One-fourth of the RSUs vest on March 1, 2025, and the remainder vest in twelve equal quarterly installments thereafter.",
      13, ["2025-03-01", 300], ["2028-03-01", 75],
    ],
    ["Option vests 20% per year over 5 years.", 5, ["2025-03-15", 240], ["2029-03-15", 240]],
    [
      "The options vest in five equal annual installments commencing on the first anniversary of the date of grant, subject to acceleration upon a change in control.",
      5, ["2025-03-15", 240], ["2029-03-15", 240],
    ],
    ["Shares vest 1/16 per quarter.", 16, ["2024-06-15", 75], ["2028-03-15", 75]],
    ["The Option vested with respect to 1/4th of the shares on 6/1/2021 and vests as to 1/48th monthly thereafter.", 37, ["2021-06-01", 300], ["2024-06-01", 25]],
    ["The options vest 100% on the date of grant.", 1, ["2024-03-15", 1200], ["2024-03-15", 1200]],
    ["The shares vested in full upon grant.", 1, ["2024-03-15", 1200], ["2024-03-15", 1200]],
    [
      "25% of the shares subject to the option vest immediately and the remaining shares vest in three equal quarterly installments thereafter.",
      4, ["2024-03-15", 300], ["2024-12-15", 300],
    ],
    [
      "The RSUs vest ratably over a four-year period in annual installments with the first installment vesting on January 2, 2026.",
      4, ["2026-01-02", 300], ["2029-01-02", 300],
    ],
    ["The option vests quarterly on the last day of each calendar quarter over three years.", 12, ["2024-03-31", 100], ["2026-12-31", 100]],
    ["One-fourth of the RSUs vest on each of the first four anniversaries of March 1, 2024.", 4, ["2025-03-01", 300], ["2028-03-01", 300]],
  ];
  it.each(cases)("%s", (text, count, first, last) => {
    const t = tranches(text, ctx("2024-03-15", 1200));
    expect(t).toHaveLength(count);
    expect(t[0]).toEqual({ date: first[0], shares: first[1] });
    expect(t[t.length - 1]).toEqual({ date: last[0], shares: last[1] });
    expect(sum(t)).toBe(1200);
  });
});

describe("readVestingText: explicit dates", () => {
  it("vest on three dates", () => {
    expect(tranches("The shares vest on March 1, 2021, March 1, 2022 and March 1, 2023.", ctx("2020-03-01", 100))).toEqual([
      { date: "2021-03-01", shares: 33 },
      { date: "2022-03-01", shares: 33 },
      { date: "2023-03-01", shares: 34 },
    ]);
  });

  it("100% of the shares vest on a date", () => {
    expect(tranches("100% of the shares vest on June 1, 2026.", ctx("2023-06-01", 777))).toEqual([{ date: "2026-06-01", shares: 777 }]);
  });

  it("explicit share list", () => {
    const m = readVestingText("The RSUs vest as follows: 16,900 on each of 7/28/22, 7/28/23 and 7/28/24 and 16,901 on 7/28/25.", ctx("2021-07-28", 67601))!;
    expect(m.notes).toEqual([]);
    expect(buildTranches(m)).toEqual([
      { date: "2022-07-28", shares: 16900 },
      { date: "2023-07-28", shares: 16900 },
      { date: "2024-07-28", shares: 16900 },
      { date: "2025-07-28", shares: 16901 },
    ]);
  });

  it("explicit share list without a row total takes the listed sum", () => {
    const m = readVestingText("16,900 on each of 7/28/22, 7/28/23 and 7/28/24 and 16,901 on 7/28/25", ctx(null, null))!;
    expect(m.totalShares).toBe(67601);
  });

  it("percentages on dates", () => {
    expect(tranches("50% of the shares vest on March 1, 2024 and the remaining 50% vest on March 1, 2025.", ctx("2023-03-01", 101))).toEqual([
      { date: "2024-03-01", shares: 50 },
      { date: "2025-03-01", shares: 51 },
    ]);
  });

  it("percentages on named anniversaries", () => {
    expect(
      tranches(
        "The RSUs vest 25% on the first anniversary, 25% on the second anniversary and 50% on the third anniversary of the grant date.",
        ctx("2020-01-10", 1000),
      ),
    ).toEqual([
      { date: "2021-01-10", shares: 250 },
      { date: "2022-01-10", shares: 250 },
      { date: "2023-01-10", shares: 500 },
    ]);
  });

  it("vest 3 years from the grant date", () => {
    expect(tranches("The restricted stock units vest 3 years from the grant date.", ctx("2021-02-28", 90))).toEqual([{ date: "2024-02-28", shares: 90 }]);
  });

  it("vests in full on the third anniversary", () => {
    expect(dates("The shares vest in full on the third anniversary of the grant date.", ctx("2020-02-29", 90))).toEqual(["2023-02-28"]);
  });

  it("earlier of the next annual meeting or a date keeps the date and notes the event", () => {
    const m = readVestingText("The shares vest on the earlier of the next annual meeting or August 6, 2025.", ctx("2024-08-06", 5000))!;
    expect(buildTranches(m)).toEqual([{ date: "2025-08-06", shares: 5000 }]);
    expect(m.notes.join(" ")).toMatch(/annual meeting/);
    expect(m.condition).toMatch(/earlier/);
  });

  it("earlier of the first anniversary or the annual meeting", () => {
    const m = readVestingText(
      "The restricted stock vests on the earlier of (i) the first anniversary of the grant date and (ii) the date of the Company's next annual meeting of stockholders.",
      ctx("2024-05-20", 100),
    )!;
    expect(buildTranches(m)).toEqual([{ date: "2025-05-20", shares: 100 }]);
    expect(m.notes.join(" ")).toMatch(/annual meeting/);
  });

  it("notes a tranche after the expiration date", () => {
    const m = readVestingText("100% of the shares vest on June 1, 2026.", ctx("2023-06-01", 10, { expirationDate: "2025-06-01" }))!;
    expect(m.notes.join(" ")).toMatch(/expiration/);
  });

  it("checks the first tranche against the date exercisable", () => {
    const text =
      "The option vests as to 25% of the shares on 12/29/05 and then, as to the remaining 75% of the shares, in equal monthly increments for the following thirty-six months.";
    expect(readVestingText(text, ctx("2004-12-29", 10000, { exerciseDate: "2005-12-29", expirationDate: "2014-12-29" }))!.notes).toEqual([]);
    expect(readVestingText(text, ctx("2004-12-29", 10000, { exerciseDate: "2005-12-30" }))!.notes.join(" ")).toMatch(/date exercisable/);
  });
});

describe("readVestingText: no dates to invent", () => {
  it.each([
    "The option is fully vested and immediately exercisable.",
    "The option is immediately exercisable.",
    "The options are fully vested.",
    "A portion of the RSUs became vested on March 1, 2024.",
  ])("vested with no date or amount stated: %s", (text) => {
    const m = readVestingText(text, ctx("2020-01-02", 10));
    expect(m ? buildTranches(m) : []).toEqual([]);
  });

  it("fully vested on the date of grant is one tranche on the grant date", () => {
    const m = readVestingText("The option was fully vested and exercisable on the date of grant.", ctx("2020-01-02", 10))!;
    expect(m.kind).toBe("immediate");
    expect(buildTranches(m)).toEqual([{ date: "2020-01-02", shares: 10 }]);
  });

  it.each([
    "Represents the maximum number of shares that may be earned subject to achievement of performance goals over a three-year period.",
    "The reported amount is the maximum number of PSUs that may vest. The PSUs vest on the third anniversary of the grant date subject to the Company's total shareholder return.",
    "The performance stock units vest based on the attainment of performance goals for fiscal 2025.",
  ])("performance award: %s", (text) => {
    const m = readVestingText(text, ctx("2024-03-01", 1000))!;
    expect(m.kind).toBe("performance");
    expect(m.condition).toBe(text);
    expect(buildTranches(m)).toEqual([]);
    expect(m.installments).toBeUndefined();
    expect(m.explicitTranches).toBeUndefined();
  });

  it.each([
    "The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $10.00 to $10.50, inclusive.",
    "The shares are held by the Smith Family Trust, of which the reporting person is a trustee.",
    "The sales reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the reporting person on May 1, 2023.",
    "The reporting person disclaims beneficial ownership except to the extent of his pecuniary interest therein.",
    "Each restricted stock unit represents a contingent right to receive one share of common stock.",
    "Shares withheld by the issuer to satisfy tax withholding obligations in connection with the vesting of restricted stock units.",
  ])("not vesting: %s", (text) => {
    expect(readVestingText(text, ctx("2024-01-01", 10))).toBeNull();
  });

  it("a part vesting on an anniversary, the rest unsaid, is not dated", () => {
    const m = readVestingText("25% of the shares vest on the first anniversary of the grant date.", ctx("2024-01-01", 100))!;
    expect(buildTranches(m)).toEqual([]);
  });

  it("relative wording without a grant date is unknown, not dated", () => {
    const m = readVestingText("The shares vest in four equal annual installments.", ctx(null, 100))!;
    expect(buildTranches(m)).toEqual([]);
  });

  it("vesting wording it cannot read is unknown", () => {
    const m = readVestingText("The option vests upon the achievment of a change in control of the Company within 2 years.", ctx("2024-01-01", 10))!;
    expect(m.kind).toBe("unknown");
    expect(buildTranches(m)).toEqual([]);
  });
});

describe("readVestingText: anniversaries of a named date", () => {
  const c = ctx("2023-03-15", 48000);
  it("counts the anniversaries of a stated date, not of the grant date", () => {
    expect(dates("The restricted stock units vest in three equal annual installments on each of the first three anniversaries of February 1, 2023.", c)).toEqual([
      "2024-02-01",
      "2025-02-01",
      "2026-02-01",
    ]);
    expect(dates("Vests in equal installments on each of the first four anniversaries of March 1, 2023.", c)).toEqual(["2024-03-01", "2025-03-01", "2026-03-01", "2027-03-01"]);
  });

  it("vests in full on an anniversary of a stated date", () => {
    expect(tranches("The RSUs vest in full on the first anniversary of February 1, 2023.", c)).toEqual([{ date: "2024-02-01", shares: 48000 }]);
  });

  it("reads the vesting commencement date set off by a comma or a colon", () => {
    const t = tranches(
      "25% of the shares underlying the option vest on the first anniversary of the vesting commencement date, February 1, 2023, and the remaining shares vest in 36 equal monthly installments thereafter.",
      c,
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2024-02-01", shares: 12000 });
    expect(t[36].date).toBe("2027-02-01");
    expect(dates("Vesting commencement date: February 1, 2023. The option vests in 4 equal annual installments.", c)[0]).toBe("2024-02-01");
  });
});

describe("readVestingText: fractions of the remainder and per date", () => {
  const c = ctx("2023-03-15", 48000);
  it("reads 1/36th of the remaining shares each month as 36 installments after the cliff", () => {
    const t = tranches(
      "The option vests as to 25% of the shares on the one year anniversary of the vesting commencement date and as to 1/36th of the remaining shares each month thereafter, such that the option is fully vested on the fourth anniversary of the vesting commencement date.",
      c,
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2024-03-15", shares: 12000 });
    expect(t[36]).toEqual({ date: "2027-03-15", shares: 1000 });
  });

  it("notes when the shares per installment do not add up to the row's amount", () => {
    const text = "The option shall vest and become exercisable as to 2,000 shares on each of the first four anniversaries of the grant date.";
    expect(readVestingText(text, ctx("2023-03-15", 8000))!.notes).toEqual([]);
    expect(readVestingText(text, ctx("2023-03-15", 80000))!.notes).toEqual(["the footnote vests 2,000 shares 4 times (8,000 in all) where the row reports 80,000"]);
  });

  it("reads a part vested at grant, the rest on later anniversaries", () => {
    expect(tranches("The option vested as to 1/3 of the shares on the date of grant and 1/3 on each of the first two anniversaries thereof.", c)).toEqual([
      { date: "2023-03-15", shares: 16000 },
      { date: "2024-03-15", shares: 16000 },
      { date: "2025-03-15", shares: 16000 },
    ]);
    expect(dates("25% of the option vested on the grant date and the remainder vests in 36 equal monthly installments thereafter.", c).slice(0, 2)).toEqual(["2023-03-15", "2023-04-15"]);
  });

  it("reads a repurchase right that lapses as vesting", () => {
    const t = tranches(
      "The shares are subject to a right of repurchase in favor of the issuer, which lapses as to 1/4 of the shares on March 15, 2024 and 1/48 of the shares each month thereafter.",
      c,
    );
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2024-03-15", shares: 12000 });
  });

  it("takes 1/3 on a date as a fraction, not as 3 shares", () => {
    expect(tranches("1/3 of the RSUs vest on March 1, 2024, 1/3 on March 1, 2025 and 1/3 on March 1, 2026.", c)).toEqual([
      { date: "2024-03-01", shares: 16000 },
      { date: "2025-03-01", shares: 16000 },
      { date: "2026-03-01", shares: 16000 },
    ]);
  });
});

describe("normalizeVestingText", () => {
  it("folds dates, number words and OCR slips", () => {
    expect(normalizeVestingText("Twenty-five percent (25%) vest on Dec. 1st, 2024 and lst day")).toBe("25% vest on #2024-12-01# and 1st day");
    expect(normalizeVestingText("forty-eight (48) months; one-third; 1 6,900; 2O24-O1-31")).toBe("48 months; 1/3; 1 6900; #2024-01-31#");
  });
});

describe("readVestingText: properties", () => {
  const fragments = [
    "The option vests",
    "25% of the shares",
    "on 12/29/05",
    "one year from grant date",
    "and then, as to the remaining 75%,",
    "in equal monthly increments",
    "for the following thirty-six months",
    "in four equal annual installments",
    "beginning on the first anniversary of the grant date",
    "quarterly over three years",
    "beginning on May 16, 2018",
    "on the last day of every month",
    "1/48th monthly thereafter",
    "such that it is fully vested on January 31, 2027",
    "16,900 on each of 7/28/22 and 7/28/23",
    "with a one-year cliff",
    "ratably over four years",
    "subject to continued service",
    ".",
  ];
  const sentence = fc.array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(" "));
  const grant = fc.constantFrom("2004-12-29", "2020-02-29", "2023-01-31", null);

  it("never throws, and whatever it dates sums to the total on increasing dates", () => {
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 200 })), grant, fc.integer({ min: 1, max: 1_000_000 }), (text, g, total) => {
        const m = readVestingText(text, ctx(g, total));
        if (!m) return;
        expect(JSON.parse(JSON.stringify(m))).toEqual(m);
        const t = buildTranches(m);
        if (t.length === 0) return;
        expect(sum(t)).toBe(m.totalShares);
        for (let i = 1; i < t.length; i++) expect(t[i - 1].date < t[i].date).toBe(true);
        expect(t.every((x) => Number.isInteger(x.shares) && x.shares > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("readVestingText: a holding's award history", () => {
  it("leaves out what already vested when the rest is the row's amount", () => {
    const text =
      "This RSU award was granted September 25, 2022. 22,159 RSUs subject to the award vested on April 1, 2025 and 22,159 RSUs are scheduled to vest on each of April 1, 2026 and April 1, 2027.";
    expect(tranches(text, ctx(null, 44318))).toEqual([
      { date: "2026-04-01", shares: 22159 },
      { date: "2027-04-01", shares: 22159 },
    ]);
  });

  it("keeps every listed tranche when they are the row's amount", () => {
    const text = "1,000 shares vested on March 1, 2025 and 1,000 shares will vest on March 1, 2026.";
    expect(tranches(text, ctx("2024-03-01", 2000))).toHaveLength(2);
  });
});

describe("readVestingText: performance already certified", () => {
  it("an award that vested on a stated day once its performance was determined has that one date", () => {
    const text =
      "RSUs vested on June 8, 2026, on the one-year anniversary of grant, upon determination by the Issuer's Compensation Committee of the level of achievement of performance objectives.";
    expect(tranches(text, ctx("2026-06-08", 150000))).toEqual([{ date: "2026-06-08", shares: 150000 }]);
  });

  it("an award still to be earned gives none", () => {
    const m = readVestingText("The PSUs will vest on March 1, 2027 upon certification of the achievement of performance goals.", ctx("2024-03-01", 100))!;
    expect(m.kind).toBe("performance");
  });
});

describe("readVestingText: the vesting commencement date named in passing", () => {
  it.each([
    "The option vests as to 1/4th of the shares on the first anniversary of the vesting commencement date (March 1, 2024) and 1/48th monthly thereafter.",
    "The option vests as to 1/4th of the shares on the first anniversary of the vesting commencement date, which is March 1, 2024, and 1/48th monthly thereafter.",
  ])("%s", (text) => {
    const t = tranches(text, ctx("2024-03-15", 4800));
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2025-03-01", shares: 1200 });
    expect(t[36].date).toBe("2028-03-01");
  });
});

describe("readVestingText: one month and day over a list of years", () => {
  it.each([
    "The award vests in three equal tranches on March 1 of each of 2025, 2026 and 2027.",
    "The RSUs vest in three equal annual installments on March 1, 2025, 2026 and 2027.",
  ])("%s", (text) => {
    expect(tranches(text, ctx("2024-03-15", 3000)).map((t) => t.date)).toEqual(["2025-03-01", "2026-03-01", "2027-03-01"]);
  });

  it("a number after a date that is not a later year stays a number", () => {
    expect(normalizeVestingText("On March 1, 2025, 1500 shares vest.")).toBe("on #2025-03-01#, 1500 shares vest.");
  });

  it("vested immediately upon grant is one tranche on the grant date", () => {
    expect(tranches("The options vested immediately upon grant.", ctx("2024-03-15", 3000))).toEqual([{ date: "2024-03-15", shares: 3000 }]);
  });
});

describe("readVestingText: events that are not schedules", () => {
  it.each([
    "Shares withheld by the issuer to satisfy tax withholding obligations in connection with the vesting of restricted stock units on March 1, 2025.",
    "Represents shares issued upon the settlement of restricted stock units that vested on March 1, 2025.",
    "The reporting person received 1,000 RSUs on March 1, 2024, which are fully vested.",
  ])("%s", (text) => {
    const m = readVestingText(text, ctx("2024-03-15", 4800));
    expect(m ? buildTranches(m) : []).toEqual([]);
  });

  it("a schedule counts from the award's own grant date when the footnote names it", () => {
    const text = "The RSUs were granted on March 1, 2021 and vest in four equal annual installments beginning on the first anniversary of the grant date.";
    expect(tranches(text, ctx("2024-03-15", 4800)).map((t) => t.date)).toEqual(["2022-03-01", "2023-03-01", "2024-03-01", "2025-03-01"]);
  });
});

describe("readVestingText: OCR's thousands point", () => {
  it("reads 2.600 shares as 2,600", () => {
    const text = "This award vests as follows: 2.600 shares on each of May 21, 2024 and August 21, 2024.";
    expect(tranches(text, ctx("2024-01-01", 5200))).toEqual([
      { date: "2024-05-21", shares: 2600 },
      { date: "2024-08-21", shares: 2600 },
    ]);
  });
});

describe("readVestingText: wordings of real filings", () => {
  it("one forty-eighth on each monthly anniversary measured from a named commencement date", () => {
    const t = tranches(
      'One forty-eighth (1/48th) of the shares subject to the option will vest on each monthly anniversary measured from December 1, 2016 (the "Vesting Commencement Date"), so that 100% of the shares will be fully vested as of the fourth anniversary of the Vesting Commencement Date.',
      ctx(null, 4800),
    );
    expect(t).toHaveLength(48);
    expect(t[0]).toEqual({ date: "2017-01-01", shares: 100 });
    expect(t[47].date).toBe("2020-12-01");
  });

  it.each([
    ["Award cliff vests four years from the date of grant of March 14, 2017.", ["2021-03-14"]],
    ["Award vests in two equal installments on the first and second anniversaries of the date of grant of May 6, 2019.", ["2020-05-06", "2021-05-06"]],
    ["Grant Date 03/02/2017; option becomes exercisable in three equal installments commencing on the first anniversary of the grant date and on each anniversary thereafter.", ["2018-03-02", "2019-03-02", "2020-03-02"]],
  ])("a holding whose footnote names its grant date: %s", (text, dates) => {
    expect(tranches(text, ctx(null, 3000)).map((t) => t.date)).toEqual(dates);
  });

  it("the row's date exercisable, when the footnote points at it", () => {
    const text = "The options vest in four equal annual installments beginning on the date indicated in this column.";
    expect(tranches(text, ctx(null, 1500, { exerciseDate: "2012-01-25" })).map((t) => t.date)).toEqual(["2012-01-25", "2013-01-25", "2014-01-25", "2015-01-25"]);
  });

  it("a first part on a stated date, the option's grant date passed over", () => {
    const text =
      "1/24th of the shares subject to the option granted on March 3, 2020 became vested and exercisable on the Exercisable Date set forth above and 1/24th of the shares subject to the option shall vest monthly thereafter.";
    const t = tranches(text, ctx(null, 2400, { exerciseDate: "2020-02-05" }));
    expect(t).toHaveLength(24);
    expect(t[0]).toEqual({ date: "2020-02-05", shares: 100 });
    expect(t[23].date).toBe("2022-01-05");
  });

  it("a period commencing on a date: the first installment one interval later", () => {
    const t = tranches("The shares vest over a four-year period commencing October 1, 2019, with 1/48th of the shares vesting on a monthly basis.", ctx(null, 4800));
    expect(t[0].date).toBe("2019-11-01");
    expect(t[47].date).toBe("2023-10-01");
  });

  it("share counts with longer wording and without 'on'", () => {
    expect(tranches("100,000 exercisable 1/9/18; 100,000 exercisable 1/9/2019; 100,000 exercisable 1/9/20.", ctx(null, 300000))).toEqual([
      { date: "2018-01-09", shares: 100000 },
      { date: "2019-01-09", shares: 100000 },
      { date: "2020-01-09", shares: 100000 },
    ]);
    const text = "The reporting person was granted 311 restricted stock units, of which 77 of the restricted stock units will vest on June 24, 2020 and 78 of the restricted stock units will vest on June 24, 2021.";
    expect(tranches(text, ctx(null, 155)).map((t) => t.shares)).toEqual([77, 78]);
  });

  it("cumulative percentages are what has vested by each date", () => {
    expect(tranches("The restricted stock units vest 50% on 2/11/22, 75% on 2/11/23 and 100% on 2/11/24.", ctx("2020-02-11", 360))).toEqual([
      { date: "2022-02-11", shares: 180 },
      { date: "2023-02-11", shares: 90 },
      { date: "2024-02-11", shares: 90 },
    ]);
  });

  it("a holding's parts that vested before are left out, the rest shares the row", () => {
    const text =
      "One-third of these restricted stock units vested on March 2, 2019, one-third of these restricted stock units vest on March 2, 2020 and the remaining one-third vest on March 2, 2021.";
    expect(tranches(text, ctx(null, 1309))).toEqual([
      { date: "2020-03-02", shares: 654 },
      { date: "2021-03-02", shares: 655 },
    ]);
  });

  it("a first part in shares, then the remaining shares monthly over a period", () => {
    const text = "29,048 shares subject to the stock option vested on July 23, 2019. The remaining shares vest in equal monthly installments over the following 6 months.";
    const t = tranches(text, ctx("2019-01-23", 58096));
    expect(t[0]).toEqual({ date: "2019-07-23", shares: 29048 });
    expect(t).toHaveLength(7);
  });

  it("at the end of each full month", () => {
    const t = tranches("The options vest with respect to 1/4 of such shares on February 13, 2021, with 1/48 of such shares vesting thereafter at the end of each full month of continuous service until fully vested.", ctx("2020-02-13", 4800));
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2021-02-13", shares: 1200 });
  });
});

describe("readVestingText: the first annual anniversary", () => {
  it("is the cliff, and the balance at month ends after it", () => {
    const text =
      "Vesting commencement date is March 31, 2025. 25% of the shares vest and become exercisable on the first annual anniversary of the vesting commencement date and the balance vest and become exercisable equally on the last day of every month thereafter over the following 36 months.";
    const t = tranches(text, ctx("2025-05-08", 4800));
    expect(t).toHaveLength(37);
    expect(t[0]).toEqual({ date: "2026-03-31", shares: 1200 });
    expect(t[1]).toEqual({ date: "2026-04-30", shares: 100 });
    expect(t[36].date).toBe("2029-03-31");
  });
});
