// A course bought and paid the way the app does it, for the suites that start from a paid order.
import { expect } from "vitest";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { updatePlatformSettings } from "@/lib/settings/platform-settings";
import { makeCourse, makeUser } from "./factories";
import { confirmInBrowser, connectSeller, type TestStripe } from "./stripe-emulator";

/**
 * A new seller's 25.00 course paid by a new buyer with a 10 % fee, by destination or direct
 * charge, confirmed as Stripe.js would: what the app learns of it is left to the caller.
 */
export async function payForNewCourse(stripe: TestStripe, adminId: string, chargeType: "destination" | "direct", paymentMethod = "pm_card_visa") {
  await updatePlatformSettings(adminId, { feeBasisPoints: 1000, chargeType });
  const seller = await makeUser("seller");
  const account = await connectSeller(stripe, seller.id);
  const course = await makeCourse(seller.id, { priceMinor: 2500 });
  const buyer = await makeUser("buyer");
  const purchase = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: 2500, expectedCurrency: "usd", expectedChargeType: chargeType });
  if (!purchase.ok) throw new Error(purchase.message);
  const onAccount = chargeType === "direct" ? account : undefined;
  const confirmed = await confirmInBrowser(stripe, purchase.clientSecret, paymentMethod, onAccount);
  expect(confirmed.body.status).toBe("succeeded");
  return { seller, buyer, course, account, onAccount, orderId: purchase.orderId, clientSecret: purchase.clientSecret };
}

/** The same purchase, then settled as the return page does. */
export async function buyPaidCourse(stripe: TestStripe, adminId: string, chargeType: "destination" | "direct", paymentMethod = "pm_card_visa") {
  const paid = await payForNewCourse(stripe, adminId, chargeType, paymentMethod);
  await settleOrder(paid.buyer.id, paid.orderId);
  await stripe.settle();
  const intentId = paid.clientSecret.split("_secret_")[0]!;
  const intent = (await stripe.call("GET", `/v1/payment_intents/${intentId}`, undefined, undefined, paid.onAccount)).body;
  return { ...paid, intentId, intent };
}
