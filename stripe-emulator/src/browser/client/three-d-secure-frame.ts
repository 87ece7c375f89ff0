// Entry of the 3-D Secure test page shown in the modal (/elements/3ds.html). The person picks the
// outcome; the page tells the emulator (POST /_emulator/3ds/:id) and hands the updated intent to
// the merchant page, which closes the modal.
import { callApi } from "./api.js";
import { linkToParent, readConfig } from "./frame-side.js";

interface ThreeDSConfig {
  parentOrigin: string;
  publishableKey: string;
  stripeAccount?: string;
  intentId: string;
  clientSecret: string;
  amount?: number;
  currency?: string;
}

const config = readConfig<ThreeDSConfig>();
const link = linkToParent(config.parentOrigin, () => ({}));

function formatAmount(amount: number | undefined, currency: string | undefined): string {
  if (amount === undefined || !currency) return "";
  const zeroDecimal = ["jpy", "krw", "vnd", "clp", "isk", "ugx", "xaf", "xof"].includes(currency.toLowerCase());
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(
      zeroDecimal ? amount : amount / 100,
    );
  } catch {
    return `${amount} ${currency.toUpperCase()}`;
  }
}

async function finish(outcome: "complete" | "fail"): Promise<void> {
  for (const b of document.querySelectorAll("button")) b.disabled = true;
  const status = document.getElementById("status")!;
  status.textContent = outcome === "complete" ? "Authenticating…" : "Failing authentication…";
  const reply = await callApi(
    { publishableKey: config.publishableKey, stripeAccount: config.stripeAccount },
    "POST",
    `/_emulator/3ds/${encodeURIComponent(config.intentId)}`,
    { client_secret: config.clientSecret, outcome },
  );
  link.post({ kind: "result", result: reply });
}

const amount = formatAmount(config.amount, config.currency);
const intentLabel = document.getElementById("intent")!;
intentLabel.textContent = amount ? `${amount} · ${config.intentId}` : config.intentId;
document.getElementById("complete")!.addEventListener("click", () => void finish("complete"));
document.getElementById("fail")!.addEventListener("click", () => void finish("fail"));
link.post({ kind: "ready" });
