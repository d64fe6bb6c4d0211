/** The relationship boxes of a Form 4 as one phrase: "Director, Officer (CFO)". */
export function formatRoles(r: { isDirector: boolean; isOfficer: boolean; officerTitle: string | null; isTenPercentOwner: boolean; isOther?: boolean; otherText?: string | null }): string {
  return (
    [
      r.isDirector && "Director",
      r.isOfficer && `Officer${r.officerTitle ? ` (${r.officerTitle})` : ""}`,
      r.isTenPercentOwner && "10% owner",
      r.isOther && `Other${r.otherText ? ` (${r.otherText})` : ""}`,
    ]
      .filter(Boolean)
      .join(", ") || "None ticked"
  );
}
