// Joining the membership, and a member's cancel, resume and new card.
import { expect } from "vitest";
import { db } from "@/lib/db";
import { confirmMembershipJoin, joinMembership } from "@/lib/membership/join-membership";
import { finishCardUpdate, setMembershipCancellation, startCardUpdate } from "@/lib/membership/manage-membership";
import { makeUser } from "../../integration/support/factories";
import { defineFlow, type FaultFlow, type FlowKit, type User } from "./fault-flow";
import { untilDone } from "./person";

export function membershipFlows({ read, confirmInBrowser }: FlowKit): FaultFlow[] {
  const membership = defineFlow<{ user: User }>({
    name: "membership join",
    prepare: async () => ({ user: await makeUser("buyer") }),
    act: ({ user }) => join(user),
    check: async ({ user }) => {
      const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
      const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId;
      expect(row.status).toBe("active");
      await checkOneMembershipCharge(user, customerId!);
      const invoices = (await read(`/v1/invoices?customer=${customerId}&limit=100`)).body.data as Array<{ status: string }>;
      expect(invoices.map((invoice) => invoice.status)).toEqual(["paid"]);
    },
  });

  /** The person joins (pressing Join again after an error) and lands on the welcome page. */
  async function join(user: User): Promise<void> {
    await untilDone(
      "joining",
      async () => {
        const joined = await joinMembership(user.id);
        if (!joined.ok) return joined.reason === "already-member";
        return (await confirmInBrowser("payment_intents", joined.clientSecret)).body.status === "succeeded";
      },
      (member) => member,
    );
    await untilDone("the welcome page", () => confirmMembershipJoin(user.id), (status) => status === "active");
  }

  /** One subscription, active, matching the row; one charge for the first period. */
  async function checkOneMembershipCharge(user: User, customerId: string) {
    const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
    const subscriptions = (await read(`/v1/subscriptions?customer=${customerId}&status=all&limit=100`)).body.data as Array<{ id: string; status: string }>;
    expect(subscriptions.map((s) => s.status), "one subscription, active").toEqual(["active"]);
    expect(row.stripeSubscriptionId).toBe(subscriptions[0].id);
    const intents = (await read(`/v1/payment_intents?customer=${customerId}&limit=100`)).body.data as Array<{ status: string }>;
    expect(intents.filter((intent) => intent.status === "succeeded"), "one charge for the first period").toHaveLength(1);
  }

  const membershipChanges = defineFlow<{ user: User; customerId: string }>({
    name: "membership: cancel at period end, resume, new card",
    prepare: async () => {
      const user = await makeUser("buyer");
      await join(user);
      const customerId = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).stripeCustomerId!;
      return { user, customerId };
    },
    act: async ({ user }) => {
      await untilDone("cancelling at period end", () => setMembershipCancellation(user.id, true), (done) => done);
      await untilDone("resuming", () => setMembershipCancellation(user.id, false), (done) => done);
      let setupIntentId = "";
      await untilDone(
        "saving a new card",
        async () => {
          const secret = await startCardUpdate(user.id);
          if (!secret) return false;
          setupIntentId = secret.split("_secret_")[0];
          const confirmed = await confirmInBrowser("setup_intents", secret, { card: "pm_card_mastercard" });
          return confirmed.body.status === "succeeded";
        },
        (saved) => saved,
      );
      // The card page's return: reloaded until it says the card is in use.
      await untilDone("the card page", () => finishCardUpdate(user.id, setupIntentId), (result) => result === "updated");
    },
    check: async ({ user, customerId }) => {
      await checkOneMembershipCharge(user, customerId);
      const row = await db.membership.findUniqueOrThrow({ where: { userId: user.id } });
      const subscription = (await read(`/v1/subscriptions/${row.stripeSubscriptionId}`)).body;
      expect(subscription.cancel_at_period_end).toBe(false);
      expect(row).toMatchObject({ status: "active", cancelAtPeriodEnd: false });
      const card = (await read(`/v1/payment_methods/${subscription.default_payment_method}`)).body;
      expect(card.card.brand, "renewals use the new card").toBe("mastercard");
      const customer = (await read(`/v1/customers/${customerId}`)).body;
      expect(customer.invoice_settings.default_payment_method).toBe(subscription.default_payment_method);
    },
  });

  return [membership, membershipChanges];
}
