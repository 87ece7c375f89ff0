// The Payment Element's "US bank account" tab (ACH Direct Debit), shown beside "Card" when the
// intent (or a deferred Elements group in USD) allows us_bank_account. Account details are typed
// in directly: the emulator treats them as verified (Stripe would use Financial Connections).
import type { ElementState } from "./protocol.js";

type BankField = "name" | "routing" | "account";

const SPECS: Record<BankField, { label: string; placeholder: string; autocomplete: string; numeric: boolean; check: (v: string) => string | null }> = {
  name: {
    label: "Full name",
    placeholder: "Jenny Rosen",
    autocomplete: "name",
    numeric: false,
    check: (v) => (v.trim() ? null : "Please enter the account holder's full name."),
  },
  routing: {
    label: "Routing number",
    placeholder: "110000000",
    autocomplete: "off",
    numeric: true,
    check: (v) => (/^\d{9}$/.test(v) ? null : "Your routing number must have 9 digits."),
  },
  account: {
    label: "Account number",
    placeholder: "000123456789",
    autocomplete: "off",
    numeric: true,
    check: (v) => (/^\d{4,17}$/.test(v) ? null : "Your account number is incomplete."),
  },
};

export interface BankDetails {
  name: string;
  routing: string;
  account: string;
}

export class BankForm {
  private inputs = new Map<BankField, { input: HTMLInputElement; error: HTMLElement; container: HTMLElement }>();
  private forced = false;

  constructor(root: HTMLElement, private readonly onChange: () => void) {
    root.className = "stack";
    for (const field of Object.keys(SPECS) as BankField[]) {
      const spec = SPECS[field];
      const container = document.createElement("label");
      container.className = "field";
      const label = document.createElement("span");
      label.className = "label";
      label.textContent = spec.label;
      const box = document.createElement("div");
      box.className = "box";
      const input = document.createElement("input");
      input.name = `bank-${field}`;
      input.placeholder = spec.placeholder;
      input.setAttribute("autocomplete", spec.autocomplete);
      input.setAttribute("aria-label", spec.label);
      if (spec.numeric) input.inputMode = "numeric";
      input.addEventListener("input", () => {
        if (spec.numeric) input.value = input.value.replace(/\D/g, "");
        this.render();
        this.onChange();
      });
      input.addEventListener("blur", () => this.render());
      box.appendChild(input);
      const error = document.createElement("p");
      error.className = "error";
      error.setAttribute("role", "alert");
      container.append(label, box, error);
      root.appendChild(container);
      this.inputs.set(field, { input, error, container });
    }
    const note = document.createElement("p");
    note.className = "note";
    note.textContent =
      "By providing your account details you authorise this debit (ACH). Test numbers: routing 110000000, account 000123456789 (succeeds) or 000111111113 (fails).";
    root.appendChild(note);
  }

  private value(field: BankField): string {
    return this.inputs.get(field)!.input.value;
  }

  firstError(): { code: string; message: string } | null {
    for (const field of this.inputs.keys()) {
      const message = SPECS[field].check(this.value(field));
      if (message) return { code: `incomplete_${field === "name" ? "name" : field === "routing" ? "routing_number" : "account_number"}`, message };
    }
    return null;
  }

  touchAll(): void {
    this.forced = true;
    this.render();
  }

  private render(): void {
    for (const [field, { input, error, container }] of this.inputs) {
      const message = SPECS[field].check(input.value);
      const show = message && (this.forced || (input.value && document.activeElement !== input));
      error.textContent = show ? message : "";
      container.classList.toggle("invalid", !!show);
    }
  }

  state(): ElementState {
    const values = [...this.inputs.keys()].map((f) => this.value(f));
    return { complete: !this.firstError(), empty: values.every((v) => v === ""), value: { type: "us_bank_account" } };
  }

  details(): BankDetails {
    return { name: this.value("name").trim(), routing: this.value("routing"), account: this.value("account") };
  }

  clear(): void {
    for (const { input } of this.inputs.values()) input.value = "";
    this.forced = false;
    this.render();
  }
}
