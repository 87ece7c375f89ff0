import { describe, expect, it } from "vitest";
import { describeConnection, type ConnectionSnapshot } from "@/lib/seller-accounts/connection-status";
import { checkOAuthState, createOAuthState } from "@/lib/seller-accounts/oauth-state";

const SECRET = "unit-test-secret-unit-test-secret";

describe("OAuth state bound to the session", () => {
  it("accepts the state it minted for the same user", () => {
    const { state, cookie } = createOAuthState(SECRET, "user-1", 1_000);
    expect(checkOAuthState(SECRET, cookie, state, "user-1", 2_000)).toBe("ok");
  });

  it.each([
    ["another user's session", (s: string, c: string) => checkOAuthState(SECRET, c, s, "user-2", 2_000), "mismatch"],
    ["a forged state", (_s: string, c: string) => checkOAuthState(SECRET, c, "forged", "user-1", 2_000), "mismatch"],
    ["no cookie", (s: string) => checkOAuthState(SECRET, undefined, s, "user-1", 2_000), "missing"],
    ["no state", (_s: string, c: string) => checkOAuthState(SECRET, c, null, "user-1", 2_000), "missing"],
    ["another secret", (s: string, c: string) => checkOAuthState("other-secret-other-secret-other", c, s, "user-1", 2_000), "mismatch"],
    ["a tampered expiry", (s: string, c: string) => checkOAuthState(SECRET, c.replace(/\.\d+\./, ".99999999999999."), s, "user-1", 2_000), "mismatch"],
    ["after ten minutes", (s: string, c: string) => checkOAuthState(SECRET, c, s, "user-1", 1_000 + 10 * 60 * 1000 + 1), "expired"],
  ])("refuses %s", (_label, check, expected) => {
    const { state, cookie } = createOAuthState(SECRET, "user-1", 1_000);
    expect(check(state, cookie)).toBe(expected);
  });
});

describe("describeConnection", () => {
  const base: ConnectionSnapshot = {
    stripeAccountId: "acct_1",
    chargesEnabled: false,
    detailsSubmitted: false,
    requirementsDue: ["external_account"],
    disconnectedAt: null,
  };
  it.each([
    [null, "not_connected"],
    [{ ...base, stripeAccountId: null }, "not_connected"],
    [base, "details_needed"],
    [{ ...base, detailsSubmitted: true, requirementsDue: [] }, "under_review"],
    [{ ...base, detailsSubmitted: true, requirementsDue: ["individual.id_number"] }, "details_needed"],
    [{ ...base, chargesEnabled: true, detailsSubmitted: true, requirementsDue: [] }, "ready"],
    [{ ...base, chargesEnabled: true, disconnectedAt: new Date() }, "disconnected"],
  ])("%j → %s", (snapshot, expected) => {
    expect(describeConnection(snapshot)).toBe(expected);
  });
});
