import "./support/test-database";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deliverDueEmails } from "@/lib/email/deliver-outbox";
import { enqueueEmails } from "@/lib/email/enqueue-emails";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/email/outbox-worker";
import type { MailSender } from "@/lib/email/smtp-transport";
import { joinMembership } from "@/lib/membership/join-membership";
import { finishCardUpdate, startCardUpdate } from "@/lib/membership/manage-membership";
import { fulfilOrderFromIntent } from "@/lib/orders/fulfil-order";
import { handleInvoicePaymentFailed } from "@/lib/stripe-events/handlers/invoice-payment-failed";
import { refundOrder } from "@/lib/refunds/refund-order";
import { startMailCatcher, type RunningMailCatcher } from "../../scripts/mail-catcher/start-mail-catcher";
import { receiveAllWebhooks, type WebhookReceiver } from "./support/connect-webhooks";
import { buyPaidCourse } from "./support/paid-order";
import { makeUser } from "./support/factories";
import { confirmInBrowser, startTestStripe, TEST_PUBLISHABLE_KEY, type TestStripe } from "./support/stripe-emulator";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const CONNECT_SECRET = "whsec_integration_emails_connect";
const DAY = 86_400;
let catcher: RunningMailCatcher;
let stripe: TestStripe;
let receiver: WebhookReceiver;
let admin: { id: string };

beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  process.env.SMTP_URL = catcher.smtpUrl;
  stripe = await startTestStripe({ deliverWebhooks: false });
  receiver = await receiveAllWebhooks(stripe, CONNECT_SECRET);
  admin = await makeUser("admin");
});
afterAll(async () => {
  await stopOutboxWorker();
  await stripe?.close();
  await receiver?.close();
  await catcher?.close();
});

/** A paid order of 25.00 with a 10 % fee: fulfilled by the return page and by the webhook alike. */
async function paidOrder(chargeType: "destination" | "direct" = "destination") {
  const { seller, buyer, course, orderId, intent, onAccount } = await buyPaidCourse(stripe, admin.id, chargeType);
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  expect(order.status).toBe("paid");
  return { seller, buyer, course, order, intent, account: onAccount ?? null };
}

function outboxOf(orderId: string) {
  return db.outboxEmail.findMany({ where: { dedupeKey: { startsWith: `order:${orderId}:` } }, orderBy: { dedupeKey: "asc" } });
}

function refund(orderId: string, amount: string) {
  return refundOrder(admin.id, { orderId, formToken: randomUUID(), amount, reason: "requested_by_customer", note: "" });
}

describe("queueing", () => {
  it("a sale queues the buyer's receipt and the seller's notice once, though the return page, the webhook and a re-run all fulfil it", async () => {
    const { seller, buyer, course, order, intent } = await paidOrder();
    expect(await fulfilOrderFromIntent(intent, null)).toBe("already-fulfilled");
    const rows = await outboxOf(order.id);
    expect(rows.map((r) => [r.dedupeKey, r.toAddress, r.status])).toEqual([
      [`order:${order.id}:sale:buyer`, buyer.email, "queued"],
      [`order:${order.id}:sale:seller`, seller.email, "queued"],
    ]);
    const [receipt, notice] = rows;
    expect(receipt.subject).toBe(`Your receipt for "${course.title}"`);
    expect(receipt.textBody).toContain("Amount paid: $25.00");
    expect(receipt.textBody).toContain(`Order:       ${order.id}`);
    expect(receipt.textBody).toContain(`/library/${course.slug}`);
    expect(notice.subject).toBe(`You sold "${course.title}" for $25.00`);
    expect(notice.textBody).toContain("Platform fee: $2.50");
    expect(notice.textBody).toContain("Your net:     $22.50");
    expect(notice.textBody).toContain(`Buyer:        ${buyer.name}`);
    expect(notice.textBody).not.toContain(buyer.email);
  });

  it.each(["destination", "direct"] as const)("each %s refund queues one email to the buyer and one to the seller, whether the answer or the events record it first", async (chargeType) => {
    const { order } = await paidOrder(chargeType);
    expect((await refund(order.id, "10.00")).ok).toBe(true);
    await stripe.settle();
    expect((await refund(order.id, "15.00")).ok).toBe(true);
    await stripe.settle();
    const handled = receiver.delivered.filter((d) => ["refund.created", "refund.updated", "charge.refunded"].includes(d.type));
    expect(handled.length).toBeGreaterThanOrEqual(4);
    expect(handled.every((d) => d.status === 200)).toBe(true);

    const refunds = (await outboxOf(order.id)).filter((r) => r.kind === "refund");
    expect(refunds.map((r) => r.dedupeKey)).toEqual([
      `order:${order.id}:refund:1000:buyer`,
      `order:${order.id}:refund:1000:seller`,
      `order:${order.id}:refund:2500:buyer`,
      `order:${order.id}:refund:2500:seller`,
    ]);
    const [partialBuyer, partialSeller, fullBuyer, fullSeller] = refunds;
    expect(partialBuyer.textBody).toContain("Refunded now:          $10.00");
    expect(partialBuyer.textBody).toContain("Paid and not refunded: $15.00");
    expect(partialBuyer.textBody).toContain("You keep your access to this course.");
    expect(partialSeller.textBody).toContain("Platform fee returned: $1.00 of $2.50");
    expect(partialSeller.textBody).toContain("Your net now:          $13.50");
    expect(fullBuyer.subject).toMatch(/refunded in full$/);
    expect(fullBuyer.textBody).toContain("your access to this course has ended");
    expect(fullSeller.textBody).toContain("Your net now:          $0.00");
  });

  it("a failed renewal queues one email to the member, however often the event is delivered or Stripe retries the invoice", async () => {
    const user = await makeUser("buyer");
    const join = await joinMembership(user.id);
    if (!join.ok) throw new Error(join.message);
    expect((await confirmInBrowser(stripe, join.clientSecret)).body.status).toBe("succeeded");
    await stripe.settle();
    const secret = (await startCardUpdate(user.id))!;
    const setupId = secret.split("_secret_")[0];
    await stripe.call("POST", `/v1/setup_intents/${setupId}/confirm`, { client_secret: secret, payment_method: "pm_card_chargeCustomerFail" }, TEST_PUBLISHABLE_KEY);
    expect(await finishCardUpdate(user.id, setupId)).toBe("updated");
    // The first invoice never sends this email: it is paid (or declined) in front of the member.
    expect(await db.outboxEmail.count({ where: { kind: "renewal_failed", toAddress: user.email } })).toBe(0);

    await stripe.call("POST", "/_emulator/clock/advance", { seconds: String(32 * DAY) });
    await stripe.settle();
    expect((await db.membership.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("past_due");
    // Stripe's next automatic retry of the same invoice fails again.
    await stripe.call("POST", "/_emulator/clock/advance", { seconds: String(4 * DAY) });
    await stripe.settle();
    const failures = receiver.delivered.filter((d) => d.type === "invoice.payment_failed");
    const failed = failures.at(-1)!;
    expect(failures.filter((d) => d.objectId === failed.objectId).length).toBeGreaterThanOrEqual(2);
    // The same event delivered once more (a redelivery or an admin's replay).
    await handleInvoicePaymentFailed(failed.event as unknown as Stripe.InvoicePaymentFailedEvent);

    const rows = await db.outboxEmail.findMany({ where: { kind: "renewal_failed", toAddress: user.email } });
    expect(rows).toHaveLength(1);
    expect(rows[0].dedupeKey).toBe(`invoice:${failed.objectId}:renewal_failed:member`);
    expect(rows[0].subject).toBe("Your membership payment did not go through");
    expect(rows[0].textBody).toContain("/membership");
    expect(rows[0].textBody).toMatch(/Amount due: +\$\d+\.\d\d/);
    expect(await db.outboxEmail.count({ where: { kind: "renewal_failed", dedupeKey: { contains: failed.objectId } } })).toBe(1);
  });
});

describe("delivery", () => {
  it("during an SMTP outage the emails stay queued with the server's answer and the sale still succeeds; afterwards each arrives exactly once", async () => {
    catcher.setOutage(true);
    const { buyer, seller, order, course } = await paidOrder();
    expect(await db.enrolment.count({ where: { orderId: order.id } })).toBe(1);
    const during = await deliverDueEmails();
    expect(during.sent).toBe(0);
    expect(during.retrying).toBeGreaterThanOrEqual(2);
    for (const row of await outboxOf(order.id)) {
      expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
      expect(row.lastError).toMatch(/^421 Service not available/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }
    // Not due yet: a sweep before the backoff has passed leaves the rows alone.
    catcher.setOutage(false);
    expect((await deliverDueEmails()).sent).toBe(0);
    expect(catcher.messages({ to: buyer.email })).toHaveLength(0);

    const later = () => new Date(Date.now() + 2 * 60 * 60_000);
    const after = await deliverDueEmails({ now: later });
    expect(after.sent).toBeGreaterThanOrEqual(2);
    expect(await deliverDueEmails({ now: later })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    for (const row of await outboxOf(order.id)) expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    const [receipt] = catcher.messages({ to: buyer.email });
    expect(catcher.messages({ to: buyer.email })).toHaveLength(1);
    expect(receipt.subject).toBe(`Your receipt for "${course.title}"`);
    expect(receipt.from).toBe("no-reply@coursemarket.local");
    expect(receipt.text).toContain("Amount paid: $25.00");
    expect(catcher.messages({ to: seller.email }).map((m) => m.subject)).toEqual([`You sold "${course.title}" for $25.00`]);
  });

  it("two senders draining at once send every email exactly once", async () => {
    const tag = randomUUID().slice(0, 8);
    await enqueueEmails(
      Array.from({ length: 12 }, (_, i) => ({ kind: "sale" as const, dedupeKey: `race:${tag}:${i}`, to: `race-${i}@test.example`, subject: `Race ${i}`, text: "x" })),
    );
    const sent: string[] = [];
    const slowSender = (): MailSender => ({
      async send(email) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(email.to);
      },
      close: () => undefined,
    });
    const later = () => new Date(Date.now() + 4 * 60 * 60_000);
    const reports = await Promise.all([deliverDueEmails({ sender: slowSender(), now: later }), deliverDueEmails({ sender: slowSender(), now: later })]);
    const raced = sent.filter((to) => to.startsWith("race-"));
    expect(raced).toHaveLength(12);
    expect(new Set(raced).size).toBe(12);
    expect(reports[0].sent + reports[1].sent).toBe(sent.length);
    expect(await db.outboxEmail.count({ where: { dedupeKey: { startsWith: `race:${tag}:` }, status: "sent", attempts: 1 } })).toBe(12);
  });

  it("a row left claimed by a sender that died is sent once its lease runs out, not before", async () => {
    const tag = randomUUID().slice(0, 8);
    await enqueueEmails([
      { kind: "sale", dedupeKey: `lease:${tag}:expired`, to: `expired-${tag}@test.example`, subject: "Expired lease", text: "x" },
      { kind: "sale", dedupeKey: `lease:${tag}:held`, to: `held-${tag}@test.example`, subject: "Held lease", text: "x" },
    ]);
    await db.outboxEmail.update({ where: { dedupeKey: `lease:${tag}:expired` }, data: { status: "sending", attempts: 1, nextAttemptAt: new Date(Date.now() - 1000) } });
    await db.outboxEmail.update({ where: { dedupeKey: `lease:${tag}:held` }, data: { status: "sending", attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) } });
    await deliverDueEmails();
    expect(catcher.messages({ to: `expired-${tag}@test.example` })).toHaveLength(1);
    expect(catcher.messages({ to: `held-${tag}@test.example` })).toHaveLength(0);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `lease:${tag}:expired` } })).toMatchObject({ status: "sent", attempts: 2 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `lease:${tag}:held` } })).toMatchObject({ status: "sending", attempts: 1 });
  });

  it("gives up after the last attempt and keeps the error for admins", async () => {
    const key = `give-up:${randomUUID()}`;
    await enqueueEmails([{ kind: "sale", dedupeKey: key, to: "nobody@test.example", subject: "Never", text: "x" }]);
    const failing: MailSender = {
      send: async () => {
        throw Object.assign(new Error("Mailbox unavailable"), { responseCode: 450, response: "450 4.2.1 Mailbox busy" });
      },
      close: () => undefined,
    };
    let clock = Date.now();
    for (let i = 0; i < 12; i++) {
      clock += 2 * 60 * 60_000;
      await deliverDueEmails({ sender: failing, now: () => new Date(clock) });
    }
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "failed", attempts: 10, lastError: "450 4.2.1 Mailbox busy" });
  });

  it("a permanent refusal (5xx) is not retried", async () => {
    const key = `refused:${randomUUID()}`;
    await enqueueEmails([{ kind: "sale", dedupeKey: key, to: "unknown@test.example", subject: "Refused", text: "x" }]);
    const refusing: MailSender = {
      send: async () => {
        throw Object.assign(new Error("Can't send mail - all recipients were rejected"), { responseCode: 550, response: "550 5.1.1 No such user" });
      },
      close: () => undefined,
    };
    await deliverDueEmails({ sender: refusing, now: () => new Date(Date.now() + 5 * 60 * 60_000) });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "failed", attempts: 1, lastError: "550 5.1.1 No such user" });
  });

  it("with the background worker running, a sale's emails arrive without anyone waiting for them", async () => {
    startOutboxWorker(60_000);
    const { buyer, seller } = await paidOrder();
    await expect.poll(() => catcher.messages({ to: buyer.email }).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => catcher.messages({ to: seller.email }).length, { timeout: 10_000 }).toBe(1);
    await stopOutboxWorker();
  });
});
