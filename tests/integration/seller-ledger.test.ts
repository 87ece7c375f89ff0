// The seller's ledger (issue 11, item 3) against Stripe's own books: after a seeded random run of
// sales on both charge types with partial and full refunds and disputes (open, won, lost), every
// row, every month and the totals on the seller's sales page equal what the balance transactions
// on the seller's connected account say. LEDGER_SEED=<n> replays a run; the seed is printed.
import "./support/test-database";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { setSellerFee } from "@/lib/fees/platform-fees";
import { settleOrder } from "@/lib/orders/settle-order";
import { startCoursePurchase } from "@/lib/orders/start-purchase";
import { refundOrder } from "@/lib/refunds/refund-order";
import { currencyTotals, emptyLedger, listSellerSales, monthlyTotals, monthOf, type LedgerAmounts } from "@/lib/sales/seller-sales";
import { updatePlatformSettings } from "@/lib/settings/platform-settings";
import { seededRandom } from "../faults/support/seeded-random";
import { receiveAllWebhooks, type WebhookReceiver } from "./support/connect-webhooks";
import { makeCourse, makeUser } from "./support/factories";
import { confirmInBrowser, connectSeller, startTestStripe, type TestStripe } from "./support/stripe-emulator";

const SALES = Number(process.env.LEDGER_SALES ?? 12);
const seed = process.env.LEDGER_SEED ? Number(process.env.LEDGER_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`seller ledger: seed ${seed} (LEDGER_SEED=${seed} replays it), ${SALES} sales`);
const random = seededRandom(seed);
vi.spyOn(console, "error").mockImplementation(() => undefined);

let stripe: TestStripe;
let receiver: WebhookReceiver;
beforeAll(async () => {
  stripe = await startTestStripe({ deliverWebhooks: false });
  receiver = await receiveAllWebhooks(stripe, "whsec_seller_ledger_connect");
});
afterAll(async () => {
  await stripe?.close();
  await receiver?.close();
});


/** Every object of a list endpoint, page by page, as stripe-node's auto-pagination does. */
async function listAll(path: string, account?: string): Promise<any[]> {
  const items: any[] = [];
  let after = "";
  for (;;) {
    const page = await stripe.read(`${path}${path.includes("?") ? "&" : "?"}limit=100${after ? `&starting_after=${after}` : ""}`, account);
    items.push(...page.data);
    if (!page.has_more) return items;
    after = page.data.at(-1).id;
  }
}

type Action = "keep" | "partial-refund" | "full-refund" | "two-refunds" | "dispute-open" | "dispute-won" | "dispute-lost" | "refund-then-dispute";
const ACTIONS: readonly Action[] = ["keep", "partial-refund", "full-refund", "two-refunds", "dispute-open", "dispute-won", "dispute-lost", "refund-then-dispute"];

function major(minor: number): string {
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

describe("the seller's ledger against the seller's balance transactions", () => {
  it(`adds up to Stripe's books after a random run of sales, refunds and disputes (seed ${seed})`, async () => {
    const admin = await makeUser("admin");
    const seller = await makeUser("seller");
    const account = await connectSeller(stripe, seller.id);
    // An admin's fee for this seller on some runs, so the fee is not always the platform's.
    if (random.next() < 0.5) await setSellerFee(admin.id, seller.email, 500 + Math.floor(random.next() * 1500));

    const plan: Array<{ orderId: string; chargeType: "destination" | "direct"; action: Action }> = [];
    for (let index = 0; index < SALES; index++) {
      const chargeType = random.pick(["destination", "direct"] as const);
      const action = random.pick(ACTIONS);
      await updatePlatformSettings(admin.id, { feeBasisPoints: random.pick([0, 333, 1000, 1250]), chargeType });
      const priceMinor = 500 + Math.floor(random.next() * 20_000);
      const course = await makeCourse(seller.id, { priceMinor });
      const buyer = await makeUser("buyer");
      const started = await startCoursePurchase(buyer.id, { courseId: course.id, expectedAmountMinor: priceMinor, expectedCurrency: "usd", expectedChargeType: chargeType });
      if (!started.ok) throw new Error(started.message);
      const confirmed = await confirmInBrowser(stripe, started.clientSecret, "pm_card_visa", chargeType === "direct" ? account : undefined);
      expect(confirmed.body.status).toBe("succeeded");
      await settleOrder(buyer.id, started.orderId);
      plan.push({ orderId: started.orderId, chargeType, action });
    }
    await stripe.settle();

    for (const { orderId, chargeType, action } of plan) {
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const refund = async (minor: number) => {
        const outcome = await refundOrder(admin.id, { orderId, formToken: randomUUID(), amount: major(minor), reason: "requested_by_customer", note: "ledger" });
        expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
      };
      const partial = 1 + Math.floor(random.next() * (order.amountMinor - 1));
      if (action === "partial-refund" || action === "refund-then-dispute") await refund(partial);
      if (action === "full-refund") await refund(order.amountMinor);
      if (action === "two-refunds") {
        await refund(partial);
        await refund(order.amountMinor - partial);
      }
      if (action.startsWith("dispute") || action === "refund-then-dispute") {
        const intent = await stripe.read(`/v1/payment_intents/${order.stripePaymentIntentId}`, chargeType === "direct" ? account : undefined);
        const opened = await stripe.call("POST", "/_emulator/disputes", { charge: intent.latest_charge });
        expect(opened.status).toBe(200);
        const outcome = action === "dispute-won" ? "won" : action === "dispute-lost" || random.next() < 0.5 ? "lost" : null;
        if (outcome) expect((await stripe.call("POST", `/_emulator/disputes/${opened.body.id}/resolve`, { outcome })).status).toBe(200);
      }
      await stripe.settle();
    }

    // Stripe's side: each balance transaction on the seller's account, traced back to its order.
    const orders = await db.order.findMany({ where: { sellerId: seller.id, status: { in: ["paid", "refunded"] } } });
    const orderOfIntent = new Map(orders.map((order) => [order.stripePaymentIntentId!, order]));
    const orderOfSource = new Map<string, (typeof orders)[number]>();
    for (const order of orders) {
      const onAccount = order.chargeType === "direct" ? account : undefined;
      const intent = await stripe.read(`/v1/payment_intents/${order.stripePaymentIntentId}`, onAccount);
      const charge = await stripe.read(`/v1/charges/${intent.latest_charge}`, onAccount);
      orderOfSource.set(charge.id, order);
      if (charge.transfer) {
        const transfer = await stripe.read(`/v1/transfers/${charge.transfer}`);
        orderOfSource.set(transfer.destination_payment, order);
        for (const reversal of transfer.reversals.data) orderOfSource.set(reversal.destination_payment_refund, order);
      }
      if (charge.application_fee) {
        const fee = await stripe.read(`/v1/application_fees/${charge.application_fee}`);
        for (const feeRefund of fee.refunds.data) orderOfSource.set(feeRefund.id, order);
      }
    }
    const fromStripe = new Map<string, LedgerAmounts>();
    const transactions = await listAll("/v1/balance_transactions", account);
    expect(transactions.length).toBeGreaterThanOrEqual(SALES);
    let stripeFees = 0;
    for (const txn of transactions) {
      let order = orderOfSource.get(txn.source);
      if (!order && (txn.type === "refund" || txn.type === "adjustment")) {
        const object = await stripe.read(`/v1/${txn.type === "refund" ? "refunds" : "disputes"}/${txn.source}`, account);
        order = orderOfIntent.get(object.payment_intent);
      }
      expect(order, `balance transaction ${txn.id} (${txn.type}) belongs to a sale`).toBeTruthy();
      const line = fromStripe.get(order!.id) ?? emptyLedger();
      const applicationFee = txn.fee_details.filter((detail: any) => detail.type === "application_fee").reduce((sum: number, detail: any) => sum + detail.amount, 0);
      stripeFees += txn.fee - applicationFee;
      switch (txn.type) {
        case "charge":
        case "payment":
          line.grossMinor += txn.amount;
          line.feeMinor += applicationFee;
          break;
        case "application_fee_refund":
          line.feeRefundedMinor += txn.amount;
          break;
        case "refund":
        case "payment_refund":
          line.refundedMinor -= txn.amount;
          break;
        case "adjustment":
          line.disputedMinor -= txn.amount;
          break;
        default:
          throw new Error(`unexpected balance transaction type ${txn.type}`);
      }
      line.netMinor += txn.amount - applicationFee;
      fromStripe.set(order!.id, line);
    }

    // Our side, exactly as the page and the CSV show it.
    const sales = await listSellerSales(seller.id);
    expect(sales).toHaveLength(SALES);
    for (const sale of sales) {
      const { grossMinor, feeMinor, feeRefundedMinor, refundedMinor, disputedMinor, netMinor } = sale;
      const action = plan.find((entry) => entry.orderId === sale.orderId)!;
      expect({ grossMinor, feeMinor, feeRefundedMinor, refundedMinor, disputedMinor, netMinor }, `${action.chargeType} sale, ${action.action}`).toEqual(fromStripe.get(sale.orderId));
      expect(grossMinor - feeMinor + feeRefundedMinor - refundedMinor - disputedMinor).toBe(netMinor);
    }
    const paidMonth = new Map(sales.map((sale) => [sale.orderId, monthOf(sale.paidAt)]));
    for (const total of monthlyTotals(sales)) {
      const expected = emptyLedger();
      for (const [orderId, line] of fromStripe) {
        if (paidMonth.get(orderId) !== total.month) continue;
        for (const key of Object.keys(expected) as Array<keyof LedgerAmounts>) expected[key] += line[key];
      }
      const { month, currency, count, ...amounts } = total;
      expect(amounts, `month ${month} ${currency}`).toEqual(expected);
      expect(count).toBe(SALES);
    }
    const [total] = currencyTotals(sales);
    // The account's whole balance movement is the ledger's net less Stripe's own fees (direct charges' processing and dispute fees).
    const balance = transactions.reduce((sum, txn) => sum + txn.net, 0);
    expect(total!.netMinor - stripeFees).toBe(balance);
  }, 180_000);
});
