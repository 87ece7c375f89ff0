// Styling of the card frame: plain CSS with variables the merchant's `style` (Card Element) or
// `appearance` (Payment Element) options can set. No external assets.

const BASE_CSS = `
:root {
  --font: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --font-size: 16px; --text: #30313d; --placeholder: #87909f; --danger: #df1b41;
  --primary: #0570de; --bg: #ffffff; --border: #e0e6eb; --radius: 5px; --label: #30313d;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: transparent; font-family: var(--font); color: var(--text); }
input { font: inherit; font-size: var(--font-size); color: var(--text); background: transparent; border: 0; outline: none;
  padding: 0; margin: 0; min-width: 0; width: 100%; }
input::placeholder { color: var(--placeholder); }
input:disabled { opacity: .6; }
.brand { display: inline-flex; align-items: center; justify-content: center; min-width: 34px; height: 22px; padding: 0 4px;
  border-radius: 3px; font: 700 10px/1 var(--font); letter-spacing: .04em; text-transform: uppercase; color: #fff; background: #8792a2; }
.brand[data-brand="unknown"] { background: transparent; color: var(--placeholder); }
.brand[data-brand="visa"] { background: #1a1f71; }
.brand[data-brand="mastercard"] { background: #eb001b; }
.brand[data-brand="amex"] { background: #2e77bb; }
.brand[data-brand="discover"] { background: #e55c20; }

/* Card Element: one row, no frame of its own (the merchant styles the container). */
.row { display: flex; align-items: center; gap: 8px; height: 24px; margin: 8px 2px; font-size: var(--font-size); }
.row .f-number { flex: 1 1 auto; }
.row .f-expiry { flex: 0 0 4.3em; }
.row .f-cvc { flex: 0 0 2.6em; }
.row .f-postal { flex: 0 0 3.6em; }
.row .invalid input, .row input.invalid { color: var(--danger); }
.single { display: flex; align-items: center; gap: 8px; height: 24px; margin: 8px 2px; }
.single input { flex: 1 1 auto; }

/* Payment Element: labelled, bordered fields with the error under each. */
.stack { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; padding: 3px 3px 4px; font-size: 14px; }
.field { display: flex; flex-direction: column; gap: 4px; grid-column: span 2; min-width: 0; }
.field.half { grid-column: span 1; }
.field > span.label { font-size: 14px; color: var(--label); }
.box { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: var(--bg); border: 1px solid var(--border);
  border-radius: var(--radius); box-shadow: 0 1px 1px rgba(0,0,0,.03), 0 3px 6px rgba(0,0,0,.02); transition: box-shadow .15s, border-color .15s; }
.box input { flex: 1 1 auto; }
.box:focus-within { border-color: var(--primary); box-shadow: 0 0 0 3px color-mix(in srgb, var(--primary) 25%, transparent); }
.field.invalid .box { border-color: var(--danger); box-shadow: 0 0 0 1px var(--danger); }
.field.invalid input { color: var(--danger); }
.error { margin: 0; min-height: 0; font-size: 13px; color: var(--danger); }
.error:empty { display: none; }
.tabs { display: flex; gap: 8px; margin: 3px 3px 12px; }
.tab { flex: 1 1 0; padding: 10px 12px; font: inherit; font-size: 14px; text-align: left; color: var(--text); background: var(--bg);
  border: 1px solid var(--border); border-radius: var(--radius); cursor: pointer; }
.tab[aria-selected="true"] { border-color: var(--primary); box-shadow: 0 0 0 1px var(--primary); color: var(--primary); }
[hidden] { display: none !important; }
.note { grid-column: span 2; margin: 0; font-size: 12px; color: var(--placeholder); }
`;

type Dict = Record<string, unknown>;
const asDict = (v: unknown): Dict => (typeof v === "object" && v !== null ? (v as Dict) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** CSS variable values from a Card Element `style` option or a Payment Element `appearance`. */
export function themeVariables(type: string, options: Dict): Record<string, string | undefined> {
  if (type === "payment" || type === "linkAuthentication") {
    const appearance = asDict(options.appearance);
    const vars = asDict(appearance.variables);
    const night = appearance.theme === "night";
    return {
      "--primary": str(vars.colorPrimary),
      "--bg": str(vars.colorBackground) ?? (night ? "#30313d" : undefined),
      "--text": str(vars.colorText) ?? (night ? "#ffffff" : undefined),
      "--label": str(vars.colorText) ?? (night ? "#ffffff" : undefined),
      "--danger": str(vars.colorDanger),
      "--font": str(vars.fontFamily),
      "--radius": str(vars.borderRadius),
      "--font-size": str(vars.fontSizeBase),
      "--border": night ? "#424353" : undefined,
    };
  }
  const style = asDict(options.style);
  const base = asDict(style.base);
  const invalid = asDict(style.invalid);
  return {
    "--text": str(base.color),
    "--font-size": str(base.fontSize),
    "--font": str(base.fontFamily),
    "--placeholder": str(asDict(base["::placeholder"]).color),
    "--danger": str(invalid.color),
  };
}

export function installStyle(type: string, options: Dict): void {
  let el = document.getElementById("emulator-style");
  if (!el) {
    el = document.createElement("style");
    el.id = "emulator-style";
    el.textContent = BASE_CSS;
    document.head.appendChild(el);
  }
  const root = document.documentElement.style;
  for (const [name, value] of Object.entries(themeVariables(type, options))) {
    if (value) root.setProperty(name, value);
    else root.removeProperty(name);
  }
}
