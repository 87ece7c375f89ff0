"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { startCheckout } from "../actions";
import { getStripe, type BrowserStripeConfig } from "@/components/payments/stripe-loader";
import { PaymentErrorAlert } from "@/components/payments/payment-error-alert";
import { paymentErrorMessage } from "@/components/payments/payment-error-message";
import { usePaymentAttempt } from "@/components/payments/use-payment-attempt";

interface CourseCheckoutProps {
  stripeConfig: BrowserStripeConfig;
  courseId: string;
  amountMinor: number;
  currency: string;
  priceLabel: string;
  chargeType: "destination" | "direct";
}

export function CourseCheckout({ stripeConfig, ...course }: CourseCheckoutProps) {
  const stripePromise = useMemo(() => getStripe(stripeConfig), [stripeConfig]);
  return (
    <Elements
      stripe={stripePromise}
      options={{ mode: "payment", amount: course.amountMinor, currency: course.currency, appearance: { theme: "stripe" } }}
    >
      <PayForm {...course} />
    </Elements>
  );
}

function PayForm({ courseId, amountMinor, currency, priceLabel, chargeType }: Omit<CourseCheckoutProps, "stripeConfig">) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [ready, setReady] = useState(false);
  const [stale, setStale] = useState<"price" | "charge" | null>(null);
  const { busy, error, setError, attempt } = usePaymentAttempt();

  function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    void attempt(async () => {
      const submitted = await elements.submit();
      if (submitted.error) {
        setError(paymentErrorMessage(submitted.error));
        return;
      }
      const form = new FormData();
      form.set("courseId", courseId);
      form.set("expectedAmountMinor", String(amountMinor));
      form.set("expectedCurrency", currency);
      form.set("expectedChargeType", chargeType);
      const started = await startCheckout(undefined, form);
      if (!started.ok || !started.clientSecret || !started.orderId) {
        setError(started.error ?? "The payment could not be started. Please try again.");
        setStale(started.priceChanged ? "price" : started.chargeChanged ? "charge" : null);
        return;
      }
      const done = `/checkout/complete/${started.orderId}`;
      if (started.intentStatus === "succeeded" || started.intentStatus === "processing") {
        router.push(done);
        return;
      }
      const result = await stripe.confirmPayment({
        elements,
        clientSecret: started.clientSecret,
        confirmParams: { return_url: new URL(done, window.location.origin).toString() },
        redirect: "if_required",
      });
      if (result.error) {
        setError(paymentErrorMessage(result.error));
        return;
      }
      router.push(done);
    });
  }

  return (
    <form onSubmit={pay} className="space-y-4" aria-busy={busy}>
      <PaymentElement onReady={() => setReady(true)} />
      <PaymentErrorAlert message={error} />
      {stale ? (
        <button type="button" className="btn w-full" onClick={() => window.location.reload()}>
          {stale === "price" ? "See the new price" : "Reload the page"}
        </button>
      ) : (
        <button type="submit" className="btn w-full" disabled={!stripe || !ready || busy}>
          {busy ? "Paying…" : `Pay ${priceLabel}`}
        </button>
      )}
    </form>
  );
}
