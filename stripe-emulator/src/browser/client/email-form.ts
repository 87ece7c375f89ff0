// The Link Authentication Element's content: one email field. Stripe's element also offers Link
// sign-in for known emails; the emulator has no Link, so it is only the email field and its events.
import type { ElementState } from "./protocol.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export class EmailForm {
  private readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly container: HTMLElement;
  private forced = false;

  constructor(root: HTMLElement, initial: string | undefined, onChange: () => void, onFocusChange: (focused: boolean) => void) {
    root.className = "stack";
    this.container = document.createElement("label");
    this.container.className = "field";
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = "Email";
    const box = document.createElement("div");
    box.className = "box";
    this.input = document.createElement("input");
    this.input.type = "email";
    this.input.name = "email";
    this.input.setAttribute("autocomplete", "email");
    this.input.setAttribute("aria-label", "Email");
    this.input.value = initial ?? "";
    this.input.addEventListener("input", () => {
      this.render();
      onChange();
    });
    this.input.addEventListener("focus", () => onFocusChange(true));
    this.input.addEventListener("blur", () => {
      this.render();
      onFocusChange(false);
    });
    box.appendChild(this.input);
    this.error = document.createElement("p");
    this.error.className = "error";
    this.error.setAttribute("role", "alert");
    this.container.append(label, box, this.error);
    root.appendChild(this.container);
  }

  private check(): string | null {
    const v = this.input.value.trim();
    if (!v) return "Your email is incomplete.";
    return EMAIL.test(v) ? null : "Your email address is invalid.";
  }

  private render(): void {
    const message = this.check();
    const show = message && (this.forced || (this.input.value && document.activeElement !== this.input));
    this.error.textContent = show ? message : "";
    this.container.classList.toggle("invalid", !!show);
  }

  touch(): string | null {
    this.forced = true;
    this.render();
    return this.check();
  }

  state(): ElementState {
    return { complete: !this.check(), empty: this.input.value === "", value: { email: this.input.value.trim() } };
  }

  focus(): void {
    this.input.focus();
  }

  clear(): void {
    this.input.value = "";
    this.forced = false;
    this.render();
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }
}
