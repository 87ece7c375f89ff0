"use client";

import { useRef, useState } from "react";

const CONNECTION_PROBLEM = "The payment could not be completed. Please check your connection and try again.";

/**
 * One payment attempt at a time: a second press while the first is still running is ignored
 * (even before React re-renders the disabled button), and anything thrown ends as a message.
 */
export function usePaymentAttempt() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  async function attempt(task: () => Promise<void>): Promise<void> {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch {
      setError(CONNECTION_PROBLEM);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return { busy, error, setError, attempt };
}
