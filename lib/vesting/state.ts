import { compareIso } from "./dates";

export type GrantState = "expired" | "vested" | "vesting" | "unvested";

/**
 * Where a grant stands on `today`: expired once its expiration date has passed (whatever had vested
 * can no longer be exercised), else by its schedule; null when it has no schedule and has not expired.
 */
export function grantState(expirationDate: string | null, vesting: { vested: number; unvested: number } | null, today: string): GrantState | null {
  if (expirationDate && compareIso(expirationDate, today) < 0) return "expired";
  if (!vesting) return null;
  if (vesting.unvested === 0) return "vested";
  return vesting.vested > 0 ? "vesting" : "unvested";
}

export const GRANT_STATE_LABEL: Record<GrantState, string> = {
  expired: "Expired",
  vested: "Fully vested",
  vesting: "Vesting",
  unvested: "Not yet vesting",
};

export function isExpired(expirationDate: string | null, today: string): boolean {
  return grantState(expirationDate, null, today) === "expired";
}
