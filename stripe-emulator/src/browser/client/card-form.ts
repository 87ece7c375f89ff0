// The card inputs inside the card frame: builds them for the element type, formats what is typed,
// validates live and reports the element's state. Card data never leaves this frame from here.
import {
  cardBrand,
  checkCvc,
  checkExpiry,
  checkNumber,
  checkPostalCode,
  cvcLength,
  digitsOnly,
  formatExpiry,
  formatNumber,
  maxNumberLength,
  type Brand,
  type FieldCheck,
  type FieldError,
} from "./card-validation.js";
import type { ElementState } from "./protocol.js";

export type FieldName = "number" | "expiry" | "cvc" | "postal";

interface Field {
  name: FieldName;
  input: HTMLInputElement;
  container: HTMLElement;
  error?: HTMLElement;
  /** Left once with something typed: its "incomplete" error may show. */
  touched: boolean;
  /** Validated by submit/confirm: its error shows even while focused, until it is edited. */
  forced: boolean;
}

interface FieldSpec {
  placeholder: string;
  label: string;
  autocomplete: string;
  numeric: boolean;
}

const SPECS: Record<FieldName, FieldSpec> = {
  number: { placeholder: "Card number", label: "Card number", autocomplete: "cc-number", numeric: true },
  expiry: { placeholder: "MM / YY", label: "Expiration date", autocomplete: "cc-exp", numeric: true },
  cvc: { placeholder: "CVC", label: "Security code", autocomplete: "cc-csc", numeric: true },
  postal: { placeholder: "ZIP", label: "Postal code", autocomplete: "postal-code", numeric: false },
};

const BRAND_LABEL: Record<Brand, string> = {
  visa: "Visa", mastercard: "MC", amex: "Amex", discover: "Disc", diners: "Diners", jcb: "JCB", unionpay: "UP", unknown: "▭",
};

export type Layout = "row" | "stacked" | "single";

export interface CardFormOptions {
  layout: Layout;
  fields: FieldName[];
  disabled?: boolean;
  postalCode?: string;
  onChange: () => void;
  onFocusChange: (focused: boolean) => void;
}

export class CardForm {
  private fields = new Map<FieldName, Field>();
  private brandEl?: HTMLElement;
  private focused = false;

  constructor(private readonly root: HTMLElement, private readonly opts: CardFormOptions) {
    this.build();
  }

  has(name: FieldName): boolean {
    return this.fields.has(name);
  }

  value(name: FieldName): string {
    return this.fields.get(name)?.input.value ?? "";
  }

  brand(): Brand {
    return cardBrand(digitsOnly(this.value("number")));
  }

  check(name: FieldName, brand: Brand = this.brand()): FieldCheck {
    const v = this.value(name);
    if (name === "number") return checkNumber(v);
    if (name === "expiry") return checkExpiry(v);
    if (name === "cvc") return checkCvc(v, brand);
    return checkPostalCode(v);
  }

  /** The error a person sees for a field: live ones at once, "incomplete" once they leave it. */
  visibleError(name: FieldName): FieldError | undefined {
    const field = this.fields.get(name);
    if (!field) return undefined;
    const c = this.check(name);
    if (!c.error) return undefined;
    if (c.showNow || field.forced) return c.error;
    if (field.touched && document.activeElement !== field.input) return c.error;
    return undefined;
  }

  /** The first error in field order, whether or not it is shown (for submit and confirm). */
  firstError(): FieldError | undefined {
    for (const name of this.fields.keys()) {
      const c = this.check(name);
      if (c.error) return c.error;
    }
    return undefined;
  }

  touchAll(): void {
    for (const f of this.fields.values()) {
      f.touched = true;
      f.forced = true;
    }
    this.render();
  }

  state(): ElementState {
    const names = [...this.fields.keys()];
    const checks = names.map((n) => this.check(n));
    const visible = names.map((n) => this.visibleError(n)).find(Boolean);
    const state: ElementState = {
      complete: checks.every((c) => c.complete),
      empty: checks.every((c) => c.empty),
      error: visible ? { type: "validation_error", code: visible.code, message: visible.message } : undefined,
    };
    if (this.has("number")) state.brand = this.brand();
    return state;
  }

  clear(): void {
    for (const f of this.fields.values()) {
      f.input.value = "";
      f.touched = false;
      f.forced = false;
    }
    this.render();
    this.opts.onChange();
  }

  focusFirst(): void {
    this.fields.values().next().value?.input.focus();
  }

  setDisabled(disabled: boolean): void {
    for (const f of this.fields.values()) f.input.disabled = disabled;
  }

  render(): void {
    if (this.brandEl) {
      const brand = this.brand();
      this.brandEl.dataset.brand = brand;
      this.brandEl.textContent = BRAND_LABEL[brand];
    }
    for (const f of this.fields.values()) {
      const err = this.visibleError(f.name);
      f.container.classList.toggle("invalid", Boolean(err));
      f.input.setAttribute("aria-invalid", err ? "true" : "false");
      if (f.error) f.error.textContent = err?.message ?? "";
    }
  }

  private build(): void {
    const { layout } = this.opts;
    const wrapper = document.createElement("div");
    wrapper.className = layout === "stacked" ? "stack" : layout;
    if (layout === "row" || (layout === "single" && this.opts.fields[0] === "number")) {
      this.brandEl = document.createElement("span");
      this.brandEl.className = "brand";
      wrapper.appendChild(this.brandEl);
    }
    for (const name of this.opts.fields) {
      const field = layout === "stacked" ? this.buildStacked(name, wrapper) : this.buildInline(name, wrapper);
      this.fields.set(name, field);
      this.wire(field);
    }
    this.root.replaceChildren(wrapper);
    this.render();
  }

  private makeInput(name: FieldName): HTMLInputElement {
    const spec = SPECS[name];
    const input = document.createElement("input");
    input.className = `f-${name}`;
    input.name = name === "postal" ? "postalCode" : name === "number" ? "cardnumber" : name === "expiry" ? "exp-date" : "cvc";
    input.autocomplete = spec.autocomplete as AutoFill;
    input.placeholder = spec.placeholder;
    input.setAttribute("aria-label", spec.label);
    if (spec.numeric) input.inputMode = "numeric";
    input.spellcheck = false;
    input.disabled = Boolean(this.opts.disabled);
    if (name === "postal" && this.opts.postalCode) input.value = this.opts.postalCode;
    return input;
  }

  private buildInline(name: FieldName, wrapper: HTMLElement): Field {
    const input = this.makeInput(name);
    wrapper.appendChild(input);
    return { name, input, container: input, touched: false, forced: false };
  }

  private buildStacked(name: FieldName, wrapper: HTMLElement): Field {
    const input = this.makeInput(name);
    if (name === "number") input.placeholder = "1234 1234 1234 1234";
    if (name === "postal") input.placeholder = "12345";
    const container = document.createElement("label");
    container.className = name === "expiry" || name === "cvc" ? "field half" : "field";
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = SPECS[name].label;
    const box = document.createElement("div");
    box.className = "box";
    box.appendChild(input);
    if (name === "number") {
      this.brandEl = document.createElement("span");
      this.brandEl.className = "brand";
      box.appendChild(this.brandEl);
    }
    const error = document.createElement("p");
    error.className = "error";
    error.setAttribute("role", "alert");
    container.append(label, box, error);
    wrapper.appendChild(container);
    return { name, input, container, error, touched: false, forced: false };
  }

  private wire(field: Field): void {
    const { input, name } = field;
    input.addEventListener("input", (e) => {
      const deleting = (e as InputEvent).inputType?.startsWith("delete") ?? false;
      field.forced = false;
      this.format(name, deleting);
      this.render();
      this.opts.onChange();
      if (!deleting && this.check(name).complete) this.advanceFrom(name);
    });
    input.addEventListener("focus", () => {
      this.render();
      if (!this.focused) {
        this.focused = true;
        this.opts.onFocusChange(true);
      }
    });
    input.addEventListener("blur", () => {
      if (input.value) field.touched = true;
      this.render();
      this.opts.onChange();
      setTimeout(() => {
        const inside = [...this.fields.values()].some((f) => f.input === document.activeElement);
        if (!inside && this.focused) {
          this.focused = false;
          this.opts.onFocusChange(false);
        }
      }, 0);
    });
  }

  private format(name: FieldName, deleting: boolean): void {
    const input = this.fields.get(name)!.input;
    if (name === "number") {
      const digits = digitsOnly(input.value);
      input.value = formatNumber(digits.slice(0, maxNumberLength(cardBrand(digits))));
    } else if (name === "expiry") {
      input.value = formatExpiry(input.value, deleting);
    } else if (name === "cvc") {
      input.value = digitsOnly(input.value).slice(0, this.has("number") ? cvcLength(this.brand()) : 4);
    } else {
      input.value = input.value.toUpperCase().slice(0, 10);
    }
  }

  private advanceFrom(name: FieldName): void {
    const names = [...this.fields.keys()];
    const next = names[names.indexOf(name) + 1];
    if (next && name !== "postal") this.fields.get(next)!.input.focus();
  }
}
