"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { finishCardChange, startCardChange } from "./actions";
import { PaymentErrorAlert } from "@/components/payments/payment-error-alert";
import { paymentErrorMessage } from "@/components/payments/payment-error-message";
import { usePaymentAttempt } from "@/components/payments/use-payment-attempt";
import { getStripe, type BrowserStripeConfig } from "@/components/payments/stripe-loader";

/** "Update card": a SetupIntent made on request, confirmed with the Payment Element. */
export function CardUpdate({ stripeConfig }: { stripeConfig: BrowserStripeConfig }) {
  const stripePromise = useMemo(() => getStripe(stripeConfig), [stripeConfig]);
  const [clientSecret, setClientSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [starting, setStarting] = useState(false);

  async function begin() {
    setStarting(true);
    setMessage(null);
    const started = await startCardChange(undefined, new FormData());
    setStarting(false);
    if (started.clientSecret) setClientSecret(started.clientSecret);
    else setMessage({ ok: false, text: started.error ?? "Please try again." });
  }

  return (
    <div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`mb-3 text-sm ${message.ok ? "text-green-800" : "text-red-800"}`} data-testid="card-update-message">
          {message.text}
        </p>
      )}
      {clientSecret ? (
        <Elements stripe={stripePromise} options={{ clientSecret, appearance: { theme: "stripe" } }}>
          <CardForm
            clientSecret={clientSecret}
            onDone={(result) => {
              setMessage(result);
              if (result.ok) setClientSecret(null);
            }}
          />
        </Elements>
      ) : (
        <button type="button" className="btn-secondary" onClick={begin} disabled={starting}>
          {starting ? "Opening…" : "Update card"}
        </button>
      )}
    </div>
  );
}

function CardForm({ clientSecret, onDone }: { clientSecret: string; onDone: (result: { ok: boolean; text: string }) => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [ready, setReady] = useState(false);
  const { busy, error, setError, attempt } = usePaymentAttempt();

  function save(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    void attempt(async () => {
      const result = await stripe.confirmSetup({
        elements,
        confirmParams: { return_url: new URL("/membership", window.location.origin).toString() },
        redirect: "if_required",
      });
      if (result.error) {
        setError(paymentErrorMessage(result.error));
        return;
      }
      const form = new FormData();
      form.set("setupIntentId", result.setupIntent?.id ?? clientSecret.split("_secret_")[0]);
      const finished = await finishCardChange(undefined, form);
      onDone(finished.ok ? { ok: true, text: finished.message ?? "Card updated." } : { ok: false, text: finished.error ?? "Please try again." });
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="space-y-3">
      <PaymentElement onReady={() => setReady(true)} />
      <PaymentErrorAlert message={error} />
      <button type="submit" className="btn" disabled={!stripe || !ready || busy}>
        {busy ? "Saving…" : "Save card"}
      </button>
    </form>
  );
}
