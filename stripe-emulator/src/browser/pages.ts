// HTML of the frames the Stripe.js stand-in mounts. Their scripts are separate bundles served by
// routes.ts; a strict Content-Security-Policy keeps card data from going anywhere but the emulator.

export const FRAME_CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors *";

const page = (title: string, body: string, script: string, css = ""): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>${css ? `\n<style>${css}</style>` : ""}
</head>
<body>
${body}
<script src="/elements/${script}"></script>
</body>
</html>
`;

export const cardFrameHtml = (): string => page("Card details", `<div id="root"></div>`, "card-frame.js");

export const controllerHtml = (): string => page("Stripe emulator controller", "", "controller.js");

const THREE_DS_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 15px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1f36;
  background: #fff; display: flex; }
main { margin: auto; width: 100%; max-width: 420px; padding: 28px 28px 24px; }
.badge { display: inline-block; padding: 2px 8px; border-radius: 4px; background: #ffe8d6; color: #a04100;
  font-size: 11px; font-weight: 700; letter-spacing: .06em; }
h1 { margin: 14px 0 8px; font-size: 20px; line-height: 1.3; }
p { margin: 0 0 14px; color: #4f566b; }
.intent { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: #1a1f36; background: #f6f8fa;
  border: 1px solid #e3e8ee; border-radius: 6px; padding: 8px 10px; word-break: break-all; }
.actions { display: flex; flex-direction: column; gap: 10px; margin-top: 22px; }
button { font: inherit; font-weight: 600; padding: 11px 16px; border-radius: 6px; cursor: pointer; border: 1px solid #cfd7df;
  background: #fff; color: #1a1f36; }
button.primary { background: #0570de; border-color: #0570de; color: #fff; }
button:focus-visible { outline: 3px solid rgba(5,112,222,.35); outline-offset: 2px; }
button:disabled { opacity: .6; cursor: default; }
.status { margin-top: 14px; min-height: 1.5em; font-size: 13px; }
`;

export const threeDSecureHtml = (): string =>
  page(
    "Card authentication (test)",
    `<main>
  <span class="badge">TEST MODE</span>
  <h1>Confirm this card payment</h1>
  <p>A card issuer would ask the cardholder to approve the payment at this point. This is the local Stripe
  emulator, so no issuer is involved: choose the answer the issuer gives.</p>
  <p class="intent" id="intent"></p>
  <div class="actions">
    <button id="complete" class="primary" type="button">Complete authentication</button>
    <button id="fail" type="button">Fail authentication</button>
  </div>
  <p class="status" id="status" role="status"></p>
</main>`,
    "3ds.js",
    THREE_DS_CSS,
  );
