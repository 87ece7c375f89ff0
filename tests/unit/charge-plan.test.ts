import { describe, expect, it } from "vitest";
import { chargePlanFor, intentAccountOf, paymentIntentKey, samePlan } from "@/lib/orders/charge-plan";

const platform = { feeBasisPoints: 1000, chargeType: "destination" as const };

describe("chargePlanFor", () => {
  it.each([
    // price, admin's course fee (bp), admin's seller fee (bp), platform fee (bp), expected fee
    [2500, null, null, 1000, 250],
    [2500, 1250, null, 1000, 313], // the course's fee wins: 312.5 → 313 (half up)
    [2500, 0, null, 1000, 0], // a course at 0 % pays no fee even when the platform's is higher
    [2500, null, 1500, 1000, 375], // the seller's fee wins over the platform's
    [2500, 800, 1500, 1000, 200], // the course's wins over the seller's
    [2500, null, 0, 1000, 0],
    [2500, null, null, 0, 0],
    [2500, 10_000, null, 1000, 2500],
    [1500, null, null, 1000, 150], // JPY: whole yen
    [1005, null, 1250, 1000, 126], // 125.625 → 126
    [1004, null, 1250, 1000, 126], // 125.5 → 126 (half up, not to even)
    [999, 333, null, 1000, 33], // 33.2667 → 33
    [99_999_999, null, null, 10_000, 99_999_999],
  ])("price %d, course fee %s, seller fee %s, platform fee %d → %d", (priceMinor, courseFee, sellerFee, platformFee, fee) => {
    const plan = chargePlanFor({ priceMinor, feeBasisPoints: courseFee }, { ...platform, feeBasisPoints: platformFee }, "acct_1", sellerFee);
    expect(plan.applicationFeeMinor).toBe(fee);
    expect(plan.feeBasisPoints).toBe(courseFee ?? sellerFee ?? platformFee);
  });

  it("takes the charge type from the platform and the account from the seller", () => {
    expect(chargePlanFor({ priceMinor: 1000, feeBasisPoints: null }, { ...platform, chargeType: "direct" }, "acct_seller")).toEqual({
      chargeType: "direct",
      stripeAccountId: "acct_seller",
      feeBasisPoints: 1000,
      applicationFeeMinor: 100,
    });
  });
});

describe("an order's plan", () => {
  const plan = chargePlanFor({ priceMinor: 1000, feeBasisPoints: null }, platform, "acct_1");
  const order = { chargeType: "destination", stripeAccountId: "acct_1", applicationFeeMinor: 100 };

  it("is the same only when type, account and fee all match", () => {
    expect(samePlan(order, plan)).toBe(true);
    expect(samePlan({ ...order, chargeType: "direct" }, plan)).toBe(false);
    expect(samePlan({ ...order, chargeType: "platform" }, plan)).toBe(false);
    expect(samePlan({ ...order, stripeAccountId: "acct_2" }, plan)).toBe(false);
    expect(samePlan({ ...order, applicationFeeMinor: 99 }, plan)).toBe(false);
  });

  it("names the plan in the intent's idempotency key, so another plan never replays an old intent", () => {
    expect(paymentIntentKey("o1", "destination")).toBe("order:o1:payment-intent:destination");
    expect(paymentIntentKey("o1", "direct")).not.toBe(paymentIntentKey("o1", "destination"));
  });

  it("is read on the seller's account only for direct charges", () => {
    expect(intentAccountOf({ chargeType: "direct", stripeAccountId: "acct_1" })).toBe("acct_1");
    expect(intentAccountOf({ chargeType: "destination", stripeAccountId: "acct_1" })).toBeUndefined();
    expect(intentAccountOf({ chargeType: "platform", stripeAccountId: null })).toBeUndefined();
  });
});
