"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { confirmMembership, startMembership } from "./actions";
import { PaymentErrorAlert } from "@/components/payments/payment-error-alert";
import { paymentErrorMessage } from "@/components/payments/payment-error-message";
import { usePaymentAttempt } from "@/components/payments/use-payment-attempt";
import { getStripe, type BrowserStripeConfig } from "@/components/payments/stripe-loader";

interface MembershipJoinProps {
  stripeConfig: BrowserStripeConfig;
  /** First invoice: the first month plus the joining fee. */
  firstPaymentMinor: number;
  currency: string;
  firstPaymentLabel: string;
}

export function MembershipJoin({ stripeConfig, firstPaymentMinor, currency, firstPaymentLabel }: MembershipJoinProps) {
  const stripePromise = useMemo(() => getStripe(stripeConfig), [stripeConfig]);
  return (
    <Elements
      stripe={stripePromise}
      options={{ mode: "subscription", amount: firstPaymentMinor, currency, appearance: { theme: "stripe" } }}
    >
      <JoinForm label={firstPaymentLabel} />
    </Elements>
  );
}

function JoinForm({ label }: { label: string }) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [ready, setReady] = useState(false);
  const { busy, error, setError, attempt } = usePaymentAttempt();

  function join(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    void attempt(async () => {
      const submitted = await elements.submit();
      if (submitted.error) {
        setError(paymentErrorMessage(submitted.error));
        return;
      }
      const started = await startMembership(undefined, new FormData());
      if (!started.ok || !started.clientSecret) {
        setError(started.error ?? "The membership could not be started. Please try again.");
        if (started.error === "You are already a member.") router.refresh();
        return;
      }
      const result = await stripe.confirmPayment({
        elements,
        clientSecret: started.clientSecret,
        confirmParams: { return_url: new URL("/membership", window.location.origin).toString() },
        redirect: "if_required",
      });
      if (result.error) {
        setError(paymentErrorMessage(result.error));
        return;
      }
      const confirmed = await confirmMembership(undefined, new FormData());
      if (confirmed.error) setError(confirmed.error);
      router.refresh();
    });
  }

  return (
    <form onSubmit={join} className="space-y-4" aria-busy={busy}>
      <PaymentElement onReady={() => setReady(true)} />
      <PaymentErrorAlert message={error} />
      <button type="submit" className="btn w-full" disabled={!stripe || !ready || busy}>
        {busy ? "Paying…" : `Join and pay ${label}`}
      </button>
    </form>
  );
}
