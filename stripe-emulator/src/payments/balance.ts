// Balance transactions: the ledger behind /v1/balance, charge fees and net amounts.
import type { Emulator } from "../core/emulator.js";
import { newId } from "../core/ids.js";
import type { StripeObject } from "../store/store.js";

/** Stripe's standard US card pricing, used for the emulated processing fee: 2.9% + 30 (minor units). */
export function stripeFee(amount: number): number {
  return Math.round(amount * 0.029) + 30;
}

export interface FeeDetail {
  amount: number;
  type: "stripe_fee" | "application_fee";
  description: string;
  application?: string | null;
}

export function addBalanceTransaction(
  emu: Emulator,
  account: string | null,
  t: {
    amount: number;
    currency: string;
    type: string;
    source: string;
    reporting_category: string;
    description?: string | null;
    fees?: FeeDetail[];
  },
): StripeObject {
  const fees = t.fees ?? [];
  const fee = fees.reduce((s, f) => s + f.amount, 0);
  const txn: StripeObject = {
    id: newId("txn"),
    object: "balance_transaction",
    amount: t.amount,
    available_on: emu.now(),
    balance_type: "payments",
    created: emu.now(),
    currency: t.currency,
    description: t.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: fees.map((f) => ({
      amount: f.amount,
      application: f.application ?? null,
      currency: t.currency,
      description: f.description,
      type: f.type,
    })),
    net: t.amount - fee,
    reporting_category: t.reporting_category,
    source: t.source,
    status: "available",
    type: t.type,
  };
  emu.store.insert(account, txn);
  return txn;
}

export function balanceOf(emu: Emulator, account: string | null): StripeObject {
  const byCurrency = new Map<string, number>();
  for (const txn of emu.store.list("balance_transaction", account)) {
    byCurrency.set(txn.currency, (byCurrency.get(txn.currency) ?? 0) + txn.net);
  }
  if (byCurrency.size === 0) byCurrency.set("usd", 0);
  const available = [...byCurrency].map(([currency, amount]) => ({ amount, currency, source_types: { card: amount } }));
  return {
    object: "balance",
    available,
    connect_reserved: [...byCurrency.keys()].map((currency) => ({ amount: 0, currency })),
    livemode: false,
    pending: [...byCurrency.keys()].map((currency) => ({ amount: 0, currency, source_types: { card: 0 } })),
    refund_and_dispute_prefunding: {
      available: [...byCurrency.keys()].map((currency) => ({ amount: 0, currency })),
      pending: [...byCurrency.keys()].map((currency) => ({ amount: 0, currency })),
    },
  };
}
