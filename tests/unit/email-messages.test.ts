import { describe, expect, it } from "vitest";
import { detailLines, greeting } from "@/lib/email/email-message";
import { refundEmails, type RefundFacts } from "@/lib/email/refund-emails";
import { renewalFailedEmail } from "@/lib/email/renewal-failed-email";
import { retryDelayMs } from "@/lib/email/retry-schedule";
import { saleEmails, type SaleFacts } from "@/lib/email/sale-emails";
import { describeSendError, isPermanentFailure } from "@/lib/email/smtp-transport";
import { escapeHtml, messageListPage, messagePage } from "../../scripts/mail-catcher/html-pages";

const people = {
  buyer: { name: "Ada Buyer", email: "ada@test.example" },
  seller: { name: "Sam Seller", email: "sam@test.example" },
};

function sale(overrides: Partial<SaleFacts> = {}): SaleFacts {
  return {
    orderId: "ord_1",
    courseTitle: "Bread at home",
    courseUrl: "http://localhost:3000/library/bread-at-home",
    amountMinor: 2500,
    currency: "usd",
    applicationFeeMinor: 250,
    paidAt: new Date("2026-11-22T23:30:00Z"),
    salesUrl: "http://localhost:3000/seller/sales",
    ...people,
    ...overrides,
  };
}

describe("sale emails: amounts in minor units formatted per currency", () => {
  it.each([
    ["usd", 2500, 250, "$25.00", "$2.50", "$22.50"],
    ["eur", 1999, 200, "€19.99", "€2.00", "€17.99"],
    ["gbp", 30, 3, "£0.30", "£0.03", "£0.27"],
    ["jpy", 1500, 150, "¥1,500", "¥150", "¥1,350"],
    ["usd", 99_999_999, 12_345, "$999,999.99", "$123.45", "$999,876.54"],
    // Intl keeps the code and the number together with a no-break space, as the site shows them.
    ["sek", 30000, 0, "SEK\u00a0300.00", "SEK\u00a00.00", "SEK\u00a0300.00"],
  ])("%s %i with fee %i: %s, fee %s, net %s", (currency, amountMinor, feeMinor, amount, fee, net) => {
    const [receipt, notice] = saleEmails(sale({ currency, amountMinor, applicationFeeMinor: feeMinor }));
    expect(receipt.text).toContain(`Amount paid: ${amount}\n`);
    expect(notice.subject).toBe(`You sold "Bread at home" for ${amount}`);
    expect(notice.text).toContain(`Amount:       ${amount}\n`);
    expect(notice.text).toContain(`Platform fee: ${fee}\n`);
    expect(notice.text).toContain(`Your net:     ${net}\n`);
  });

  it("the receipt names the course, the date in UTC, the order and the link; the seller sees the buyer's name, not the address", () => {
    const [receipt, notice] = saleEmails(sale());
    expect(receipt).toMatchObject({ kind: "sale", dedupeKey: "order:ord_1:sale:buyer", to: "ada@test.example", subject: 'Your receipt for "Bread at home"' });
    expect(receipt.text).toBe(
      [
        "Hello Ada Buyer,",
        "",
        "Thank you for your purchase. Your payment of $25.00 was received and the course is yours.",
        "",
        "  Course:      Bread at home",
        "  Amount paid: $25.00",
        "  Date:        22 November 2026 (UTC)",
        "  Order:       ord_1",
        "",
        "Open the course: http://localhost:3000/library/bread-at-home",
        "",
        "— Coursemarket",
      ].join("\n"),
    );
    expect(notice).toMatchObject({ dedupeKey: "order:ord_1:sale:seller", to: "sam@test.example" });
    expect(notice.text).toContain("Buyer:        Ada Buyer\n");
    expect(notice.text).not.toContain("ada@test.example");
  });

  it("an order from before Connect has no fee: the seller's net is the whole amount", () => {
    const [, notice] = saleEmails(sale({ applicationFeeMinor: null }));
    expect(notice.text).toContain("Platform fee: $0.00\n");
    expect(notice.text).toContain("Your net:     $25.00\n");
  });
});

function refund(overrides: Partial<RefundFacts> = {}): RefundFacts {
  return {
    orderId: "ord_1",
    courseTitle: "Bread at home",
    currency: "usd",
    amountMinor: 2500,
    refundedNowMinor: 1000,
    refundedTotalMinor: 1000,
    applicationFeeMinor: 250,
    feeRefundedMinor: 100,
    accessWithdrawn: false,
    ...people,
    ...overrides,
  };
}

describe("refund emails", () => {
  it("a partial refund: what was refunded, what is left, access kept", () => {
    const [buyer, seller] = refundEmails(refund());
    expect(buyer).toMatchObject({ kind: "refund", dedupeKey: "order:ord_1:refund:1000:buyer", to: "ada@test.example", subject: 'Refund for "Bread at home": $10.00 refunded' });
    expect(buyer.text).toContain("  Refunded now:          $10.00\n  Refunded in total:     $10.00\n  Paid and not refunded: $15.00\n");
    expect(buyer.text).toContain("You keep your access to this course.");
    expect(seller).toMatchObject({ dedupeKey: "order:ord_1:refund:1000:seller", to: "sam@test.example" });
    expect(seller.text).toContain("Refunded in total:     $10.00 of $25.00\n");
    expect(seller.text).toContain("Platform fee returned: $1.00 of $2.50\n");
    // 25.00 − 10.00 refunded − (2.50 − 1.00) fee kept by the platform
    expect(seller.text).toContain("Your net now:          $13.50\n");
    expect(seller.text).toContain("The buyer keeps access to the course.");
  });

  it("the rest refunded: nothing left, access withdrawn, keyed by the new total", () => {
    const [buyer, seller] = refundEmails(refund({ refundedNowMinor: 1500, refundedTotalMinor: 2500, feeRefundedMinor: 250, accessWithdrawn: true }));
    expect(buyer.dedupeKey).toBe("order:ord_1:refund:2500:buyer");
    expect(buyer.subject).toBe('Refund for "Bread at home": refunded in full');
    expect(buyer.text).toContain("Refunded now:          $15.00\n");
    expect(buyer.text).toContain("Paid and not refunded: $0.00\n");
    expect(buyer.text).toContain("your access to this course has ended");
    expect(seller.text).toContain("Your net now:          $0.00\n");
    expect(seller.text).toContain("the buyer no longer has access");
  });

  it("zero-decimal currencies stay whole", () => {
    const [buyer] = refundEmails(refund({ currency: "jpy", amountMinor: 1500, refundedNowMinor: 500, refundedTotalMinor: 500, applicationFeeMinor: 150, feeRefundedMinor: 50 }));
    expect(buyer.text).toContain("Refunded now:          ¥500\n");
    expect(buyer.text).toContain("Paid and not refunded: ¥1,000\n");
  });
});

describe("failed renewal email", () => {
  it("says what failed, when Stripe retries and where to update the card", () => {
    const email = renewalFailedEmail({
      invoiceId: "in_1",
      amountDueMinor: 1500,
      currency: "eur",
      nextAttemptAt: new Date("2026-12-01T10:00:00Z"),
      member: { name: "", email: "m@test.example" },
      membershipUrl: "http://localhost:3000/membership",
    });
    expect(email).toMatchObject({ kind: "renewal_failed", dedupeKey: "invoice:in_1:renewal_failed:member", to: "m@test.example" });
    expect(email.text.startsWith("Hello,\n")).toBe(true);
    expect(email.text).toContain("the payment of €15.00 with your saved card was declined");
    expect(email.text).toContain("  Next try:   1 December 2026 (UTC)\n");
    expect(email.text).toContain("Your membership: http://localhost:3000/membership");
  });

  it("without a next attempt it says none is scheduled", () => {
    const email = renewalFailedEmail({ invoiceId: "in_2", amountDueMinor: 900, currency: "usd", nextAttemptAt: null, member: { name: "M", email: "m@test.example" }, membershipUrl: "http://x/membership" });
    expect(email.text).toContain("Next try:   none scheduled");
  });
});

describe("message parts", () => {
  it("aligns detail values one space after the longest label", () => {
    expect(detailLines([["A", "1"], ["Longer", "2"]])).toBe("  A:      1\n  Longer: 2");
    expect(greeting("  Kim ")).toBe("Hello Kim,");
  });

  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [20, 3_600_000],
  ])("after %i failed attempts the next waits %i ms", (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  it.each([
    [{ responseCode: 550 }, true],
    [{ responseCode: 553 }, true],
    [{ responseCode: 421 }, false],
    [{ responseCode: 450 }, false],
    [{ code: "ECONNREFUSED" }, false],
  ])("%o is permanent: %s", (error, permanent) => {
    expect(isPermanentFailure(Object.assign(new Error("x"), error))).toBe(permanent);
  });

  it("keeps the SMTP server's answer short and on one line", () => {
    expect(describeSendError(Object.assign(new Error("Invalid greeting"), { response: "421 Service\r\n not available" }))).toBe("421 Service not available");
    expect(describeSendError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1025"), { code: "ESOCKET" }))).toBe("ESOCKET: connect ECONNREFUSED 127.0.0.1:1025");
    expect(describeSendError(new Error("x".repeat(500)))).toHaveLength(300);
  });
});

describe("mail catcher pages", () => {
  const message = { id: "7", receivedAt: "2026-11-22T10:00:00.000Z", from: "a@test.example", to: ["<b>@test.example"], subject: '<script>alert("x")</script>', text: "Tom & Jerry <3", messageId: null };

  it("escape everything a message carries", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const list = messageListPage([message], { outage: false, smtpUrl: "smtp://127.0.0.1:1025" });
    expect(list).not.toContain("<script>");
    expect(list).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    const detail = messagePage(message);
    expect(detail).toContain("Tom &amp; Jerry &lt;3");
    expect(detail).toContain("&lt;b&gt;@test.example");
  });

  it("say when an outage is simulated", () => {
    expect(messageListPage([], { outage: true, smtpUrl: "smtp://x" })).toContain("Simulating an outage");
    expect(messageListPage([], { outage: false, smtpUrl: "smtp://x" })).toContain("No mail yet.");
  });
});

describe("the HTML layout", () => {
  const merchant = { name: "Acme Learning", addressLines: ["1 Main Street", "Springfield"] };

  it("shows a receipt's details as a table, its link as a button, and escapes what people typed", async () => {
    const [receipt] = saleEmails(sale({ courseTitle: 'Bread <script>alert(1)</script> & "more"' }));
    const { renderEmail } = await import("@/lib/email/email-layout");
    const { html, text } = await renderEmail({ subject: receipt.subject, text: receipt.text, merchant, appUrl: "http://localhost:3000" });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("Bread &lt;script&gt;");
    // Each "  Label: value" line is a row of label and value.
    expect(html).toMatch(/>Amount paid<\/td><td[^>]*>\$25\.00<\/td>/);
    // "Open the course: <link>" becomes a button named "Open the course".
    expect(html).toMatch(/<a href="http:\/\/localhost:3000\/library\/bread-at-home"[^>]*>.*?Open the course<\/span>/);
    expect(html).toContain("— Acme Learning");
    expect(text.startsWith(receipt.text.replace("— Coursemarket", "— Acme Learning"))).toBe(true);
    expect(text.endsWith("-- \nAcme Learning\n1 Main Street\nSpringfield\nhttp://localhost:3000\nYou receive this email because of your account at Acme Learning.\n")).toBe(true);
  });
});
