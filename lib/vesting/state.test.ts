import { describe, expect, it } from "vitest";
import { grantState, isExpired } from "./state";

describe("grantState", () => {
  const today = "2026-12-03";
  it("an option past its expiration date is expired, however much had vested", () => {
    expect(grantState("2017-12-17", { vested: 40000, unvested: 0 }, today)).toBe("expired");
    expect(grantState("2017-12-17", null, today)).toBe("expired");
  });
  it("expires at the end of its expiration date, not on it", () => {
    expect(isExpired(today, today)).toBe(false);
    expect(isExpired("2026-12-02", today)).toBe(true);
  });
  it("otherwise follows the schedule", () => {
    expect(grantState("2030-01-01", { vested: 40000, unvested: 0 }, today)).toBe("vested");
    expect(grantState(null, { vested: 10000, unvested: 30000 }, today)).toBe("vesting");
    expect(grantState(null, { vested: 0, unvested: 30000 }, today)).toBe("unvested");
    expect(grantState(null, null, today)).toBeNull();
  });
});
